//! Prints the rendered page body (for a look at the markup): `cargo run -p jinyi-site --example render`.
fn main() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let a = jinyi_core::loader::load_dir(&data).expect("data");
    let r = jinyi_site::page::render(a);
    println!("{}\n{}", r.head, r.body);
}
