//! Shell commands written in running text ("use: django-admin startproject project_name.")
//! shown as code, as a reader expects a command they will type: the content writes them as
//! plain words, and nothing else marks where a command ends.
//!
//! A command is one of [`PROGRAMS`], then one of Django's own management commands
//! ([`SUBCOMMANDS`]), then at most one placeholder argument in snake case (`project_name`,
//! `app_name`). Nothing wider is guessed: "the django-admin tool" stays prose.

use pulldown_cmark::{CowStr, Event};

/// The programs whose commands the content writes in prose.
const PROGRAMS: [&str; 3] = ["django-admin ", "python manage.py ", "./manage.py "];

/// Django's management commands (`django-admin help`), as the content may name them.
const SUBCOMMANDS: [&str; 17] = [
    "check",
    "collectstatic",
    "createsuperuser",
    "dbshell",
    "dumpdata",
    "flush",
    "loaddata",
    "makemigrations",
    "migrate",
    "runserver",
    "shell",
    "showmigrations",
    "sqlmigrate",
    "startapp",
    "startproject",
    "test",
    "squashmigrations",
];

/// `event` as it is, or, for text holding commands, the text around them and each command as
/// inline code.
pub(super) fn commands_as_code(event: Event<'_>) -> Vec<Event<'_>> {
    let Event::Text(text) = &event else {
        return vec![event];
    };
    let spans = command_spans(text);
    if spans.is_empty() {
        return vec![event];
    }
    let mut events = Vec::with_capacity(spans.len() * 2 + 1);
    let mut at = 0;
    for (start, end) in spans {
        if start > at {
            events.push(Event::Text(CowStr::from(text[at..start].to_owned())));
        }
        events.push(Event::Code(CowStr::from(text[start..end].to_owned())));
        at = end;
    }
    if at < text.len() {
        events.push(Event::Text(CowStr::from(text[at..].to_owned())));
    }
    events
}

/// Byte ranges of the commands in `text`, in order.
fn command_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some((start, program)) = PROGRAMS
        .iter()
        .filter_map(|program| text[from..].find(program).map(|at| (from + at, *program)))
        .min()
    {
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "(:".contains(c));
        let after_program = start + program.len();
        let subcommand = word_end(text, after_program, |c| c.is_ascii_lowercase());
        if !before_ok || !SUBCOMMANDS.contains(&&text[after_program..subcommand]) {
            from = after_program;
            continue;
        }
        let mut end = subcommand;
        if text[end..].starts_with(' ') {
            let argument = word_end(text, end + 1, |c| c.is_ascii_lowercase() || c == '_');
            if text[end + 1..argument].contains('_') {
                end = argument;
            }
        }
        spans.push((start, end));
        from = end;
    }
    spans
}

/// The end of the run of characters from `start` that satisfy `in_word`.
fn word_end(text: &str, start: usize, in_word: impl Fn(char) -> bool) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !in_word(c))
        .map_or(text.len(), |(at, _)| start + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coded(text: &str) -> Vec<&str> {
        command_spans(text)
            .into_iter()
            .map(|(start, end)| &text[start..end])
            .collect()
    }

    #[test]
    fn commands_in_prose_are_found_with_their_placeholder() {
        assert_eq!(
            coded("Use the command: django-admin startproject project_name. This creates"),
            ["django-admin startproject project_name"]
        );
        assert_eq!(
            coded("use: python manage.py startapp app_name. This"),
            ["python manage.py startapp app_name"]
        );
        assert_eq!(
            coded("django-admin startproject"),
            ["django-admin startproject"]
        );
        assert_eq!(
            coded("python manage.py makemigrations, then python manage.py migrate"),
            [
                "python manage.py makemigrations",
                "python manage.py migrate"
            ]
        );
    }

    #[test]
    fn prose_that_only_names_a_program_stays_prose() {
        assert!(coded("manage.py is a command-line utility").is_empty());
        assert!(coded("run python manage.py").is_empty());
        assert!(coded("the django-admin tool").is_empty());
        assert!(coded("python manage.py startapps").is_empty());
        assert!(coded("xdjango-admin startproject").is_empty());
        assert!(coded("").is_empty());
        // A second word that is not a placeholder stays out of the code.
        assert_eq!(
            coded("python manage.py migrate to apply"),
            ["python manage.py migrate"]
        );
    }
}
