//! `newsdesk import`: any archive text is read line by line into records or refused with
//! the line it failed on, never a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk::archive::{ArchiveLine, check_header, parse_line};

fuzz_target!(|text: &str| {
    let mut lines = text.lines();
    if let Some(first) = lines.next() {
        let _ = check_header(first);
    }
    for (n, line) in lines.enumerate() {
        match parse_line(line, n + 2) {
            Ok(ArchiveLine::Row((table, _row))) => {
                assert!(!line.is_empty() && table.len() < line.len())
            }
            Ok(ArchiveLine::Counts(_)) => {}
            Err(error) => assert!(error.to_string().contains("line")),
        }
    }
});
