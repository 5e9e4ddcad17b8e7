//! Dates and times in a language's own order and words: the names of months and weekdays
//! and each pattern are messages, so a site's own file can change them too.

use jiff::{Timestamp, Zoned};

use super::{Arg, Locale};

/// The ways a page shows a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// The masthead's date: `Tuesday, December 1, 2026`.
    Day,
    /// A story's date line: `Dec 1, 2026 - 11:32`.
    Dateline,
    /// Everything, for a `title`: `Tuesday, December 1, 2026, 11:32 EAT`.
    Full,
    /// The clock alone: `11:32`.
    Clock,
    /// A day without its year, for charts: `Dec 1`.
    ShortDay,
}

impl Locale {
    /// A moment in the site's zone, as `style` shows it in this language.
    pub fn date(&self, at: &Zoned, style: DateStyle) -> String {
        let clock = self.digits(&at.strftime("%H:%M").to_string());
        let id = match style {
            DateStyle::Clock => return clock,
            DateStyle::Day => "date-day",
            DateStyle::Dateline => "date-dateline",
            DateStyle::Full => "date-full",
            DateStyle::ShortDay => "date-short-day",
        };
        // Only the parts the pattern shows: a page dates every card, twice.
        let month = i64::from(at.month());
        let mut args = vec![
            ("day", Arg::Text(self.digits(&at.day().to_string()))),
            ("time", Arg::Text(clock)),
        ];
        if matches!(style, DateStyle::Day | DateStyle::Full) {
            let weekday = i64::from(at.weekday().to_monday_one_offset());
            args.push((
                "weekday",
                Arg::Text(self.format("weekday", &[("n", weekday.into())])),
            ));
            args.push((
                "month",
                Arg::Text(self.format("month", &[("n", month.into())])),
            ));
        } else {
            args.push((
                "mon",
                Arg::Text(self.format("month-short", &[("n", month.into())])),
            ));
        }
        if style != DateStyle::ShortDay {
            args.push(("year", Arg::Text(self.digits(&at.year().to_string()))));
        }
        if style == DateStyle::Full {
            args.push(("zone", Arg::Text(at.strftime("%Z").to_string())));
        }
        self.format(id, &args)
    }

    /// `just now`, `12 minutes ago`, `3 hours ago` within the first day; `None` after (and
    /// for times ahead), where the date reads better.
    pub fn relative(&self, at: Timestamp, now: Timestamp) -> Option<String> {
        let seconds = now.as_second() - at.as_second();
        match seconds {
            s if s < 0 => None,
            0..60 => Some(self.t("time-just-now")),
            60..3600 => Some(self.format("time-minutes-ago", &[("count", (seconds / 60).into())])),
            3600..86400 => {
                Some(self.format("time-hours-ago", &[("count", (seconds / 3600).into())]))
            }
            _ => None,
        }
    }
}
