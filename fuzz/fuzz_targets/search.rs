//! Fuzz target: search and highlighting over the real article. Any bytes (invalid UTF-8
//! replaced) as what the reader typed; see `jinyi_fuzz::check_search`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jinyi_fuzz::check_search(&String::from_utf8_lossy(data));
});
