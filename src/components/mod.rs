//! Small view pieces shared by several screens.

pub mod card_labels;
pub mod document_title;
pub mod markdown;
