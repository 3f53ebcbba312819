//! Prints every facet value's blocks and reasons, for reviewing memberships.
fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let a = jinyi_core::loader::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    for f in jinyi_core::model::Facet::ALL {
        for v in 0..a.facet_len(f) {
            let members: Vec<String> = a
                .blocks
                .iter()
                .filter_map(|b| {
                    b.tags(f)
                        .iter()
                        .find(|t| t.value as usize == v)
                        .map(|t| format!("{}({})", b.id, t.why))
                })
                .collect();
            println!("{}={}: {}", f.key(), a.value_name(f, v), members.join(" "));
        }
    }
}
