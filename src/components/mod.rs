//! Small view pieces shared by several screens.

pub mod answer;
pub mod answer_feedback;
pub mod card_face;
pub mod card_labels;
pub mod card_link;
pub mod charts;
pub mod code_text;
pub mod device_link;
pub mod document_title;
pub mod empty_selection;
pub mod keep_progress;
pub mod key_hints;
pub mod keys;
pub mod marked_text;
pub mod mistakes;
pub mod next_steps;
pub mod next_task;
pub mod page_focus;
pub mod practice;
pub mod progress_bar;
pub mod qr_code;
pub mod round_summary;
pub mod search_box;
pub mod sitting;
pub mod storage_notice;
pub mod theme;
