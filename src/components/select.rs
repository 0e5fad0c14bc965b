//! One select control for the screens that offer a short list of choices (a respondent's role, a
//! facilitator's decision): options as data, one function, so each new list costs no markup code.

use yew::prelude::*;

/// A `<select>` named by `label` (its accessible name), with `(value, text)` options and the one
/// whose value is `selected` chosen; `on` receives the value the user picks.
pub fn select(
    label: String,
    options: &[(&str, &str)],
    selected: &str,
    on: &Callback<String>,
    testid: &'static str,
) -> Html {
    let on = on.clone();
    html! {
        <select class="bsc-select" aria-label={label} data-testid={(!testid.is_empty()).then_some(testid)}
            onchange={Callback::from(move |e: Event| on.emit(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))}>
            for (v, text) in options.iter() {
                <option value={v.to_string()} selected={*v == selected}>{ text.to_string() }</option>
            }
        </select>
    }
}
