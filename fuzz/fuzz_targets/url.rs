//! Fuzz target: the URL-state parser. Any bytes (invalid UTF-8 replaced, as the browser
//! would never hand us one) as `location.search`; see `jinyi_fuzz::check_url`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jinyi_fuzz::check_url(&String::from_utf8_lossy(data));
});
