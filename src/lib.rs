//! makan: find places and organizations in Arabic and English news about Syria.
#![forbid(unsafe_code)]
