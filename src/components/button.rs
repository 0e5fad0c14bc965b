//! One function for the screens' plain buttons (a class, a label, what a click does): each one is
//! then a call, not a block of markup code of its own (`select` does the same for choices).

use yew::prelude::*;

/// `<button type="button" class={class} onclick={onclick}>{label}</button>`.
pub fn button(class: &'static str, label: &str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" {class} {onclick}>{ label.to_owned() }</button> }
}
