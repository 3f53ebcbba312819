//! Transfer sizes, computed in-process: raw bytes, gzip (level 9, `flate2`) and brotli
//! (quality 11, window 22, `brotli`), the same settings as `make dist`'s command-line
//! compressors. Also writes the `.gz` / `.br` siblings the server sends.

use std::io::Write;
use std::path::Path;

/// Sizes of one file, in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl std::ops::Add for Sizes {
    type Output = Sizes;
    fn add(self, o: Sizes) -> Sizes {
        Sizes {
            raw: self.raw + o.raw,
            gzip: self.gzip + o.gzip,
            brotli: self.brotli + o.brotli,
        }
    }
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).expect("gzip into memory");
    enc.finish().expect("gzip into memory")
}

pub fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: data.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("brotli into memory");
    out
}

/// Raw, gzip and brotli sizes of some bytes.
pub fn measure(data: &[u8]) -> Sizes {
    Sizes {
        raw: data.len(),
        gzip: gzip(data).len(),
        brotli: brotli(data).len(),
    }
}

/// Does `make dist` pre-compress files with this name?
pub fn compressible(name: &str) -> bool {
    [".html", ".js", ".wasm", ".css", ".svg"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Writes `file.gz` and `file.br` beside `file`.
pub fn write_siblings(file: &Path) -> std::io::Result<()> {
    let data = std::fs::read(file)?;
    let mut name = file.as_os_str().to_owned();
    name.push(".gz");
    std::fs::write(&name, gzip(&data))?;
    let mut name = file.as_os_str().to_owned();
    name.push(".br");
    std::fs::write(&name, brotli(&data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressors_round_trip_in_size() {
        let text = "金义新区 ".repeat(500);
        let s = measure(text.as_bytes());
        assert_eq!(s.raw, text.len());
        assert!(s.gzip < s.raw / 10 && s.brotli < s.raw / 10, "{s:?}");
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(text.as_bytes())[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
    }
}
