//! Prints the rendered page (for a look at the markup, hydration markers included):
//! `cargo run -p jinyi-site --example render`.
fn main() {
    let r = jinyi_site::render::render(&jinyi_explorer::data::ARTICLE);
    println!("{}\n{}", r.head, r.body);
}
