//! A `ServeDir` backend that opens nothing outside the served folder. `ServeDir` refuses
//! `..` in the URL but follows symlinks, so one link in the folder could expose any file
//! the process can read. Every path it opens or inspects (the file, a directory's
//! `index.html`, the `.br`/`.gz` siblings) is resolved here first; one that leaves the
//! folder is "not found", which `ServeDir` turns into a 404 (or, for a sibling, into the
//! uncompressed file).

use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use tower_http::services::fs::{Backend, TokioBackend, TokioFile};

type Boxed<T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send>>;

/// The file system under one canonical folder.
#[derive(Clone, Debug)]
pub(crate) struct Confined {
    root: Arc<PathBuf>,
}

impl Confined {
    /// `root` must be canonical (as `Server::new` makes it), so that resolved paths
    /// can be compared with it.
    pub(crate) fn new(root: &Path) -> Self {
        Confined {
            root: Arc::new(root.to_path_buf()),
        }
    }
}

/// `path` with every symlink resolved, if that stays inside `root`.
async fn inside(root: &Path, path: PathBuf) -> io::Result<PathBuf> {
    let real = tokio::fs::canonicalize(&path).await?;
    if real.starts_with(root) {
        Ok(real)
    } else {
        Err(io::Error::new(
            io::ErrorKind::NotFound,
            "resolves outside the served folder",
        ))
    }
}

impl Backend for Confined {
    type File = TokioFile;
    type Metadata = std::fs::Metadata;
    type OpenFuture = Boxed<TokioFile>;
    type MetadataFuture = Boxed<std::fs::Metadata>;

    fn open(&self, path: PathBuf) -> Self::OpenFuture {
        let root = Arc::clone(&self.root);
        Box::pin(async move { TokioBackend.open(inside(&root, path).await?).await })
    }

    fn metadata(&self, path: PathBuf) -> Self::MetadataFuture {
        let root = Arc::clone(&self.root);
        Box::pin(async move { TokioBackend.metadata(inside(&root, path).await?).await })
    }
}
