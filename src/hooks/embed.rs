//! Embedded in a host's page: open the channel (`embed::connect`, only to an origin the operator
//! listed), then tell the host how far the user is, and the result when the report is reached —
//! only when the host asked for results. Returns the origin that will receive them, for the
//! notice that tells the user: only once the channel is open (listed and verified).

use brand_core::assess;
use yew::prelude::*;

use crate::embed::{self, detail, Channel, EmbedRequest, Field};
use crate::state::{Screen, SharedStandard};

#[hook]
pub fn use_embed_reports(
    request: Option<EmbedRequest>,
    open: Option<(SharedStandard, brand_core::Answers, Screen)>,
) -> Option<String> {
    let channel = use_state(|| None::<Channel>);
    let results = request.as_ref().is_some_and(|r| r.results);
    {
        let channel = channel.clone();
        use_effect_with((), move |_| {
            if let Some(req) = request {
                embed::connect(req, move |ch| channel.set(Some(ch)));
            }
        });
    }
    use_effect_with(((*channel).clone(), open), move |(ch, open)| {
        if let (Some(ch), Some((st, answers, screen))) = (ch, open) {
            let x = assess(st, answers);
            let asked = i64::try_from(x.score.asked()).unwrap_or(i64::MAX);
            let answered = i64::try_from(x.score.responded()).unwrap_or(i64::MAX);
            ch.post(
                "progress",
                &detail(&[
                    ("answered", Field::Int(answered)),
                    ("total", Field::Int(asked)),
                    ("standard", Field::Text(&st.id)),
                ]),
            );
            if results && *screen == Screen::Report {
                let summary = x.summary(st);
                ch.post(
                    "completed",
                    &detail(&[
                        ("score", Field::Int(i64::from(summary.total))),
                        ("tier", Field::Text(&summary.tier)),
                        ("provisional", Field::Bool(true)),
                        ("standard", Field::Text(&st.id)),
                        ("version", Field::Text(&st.version)),
                    ]),
                );
            }
        }
    });
    let to = (*channel).as_ref().filter(|_| results).map(|ch| ch.origin().to_owned());
    to
}
