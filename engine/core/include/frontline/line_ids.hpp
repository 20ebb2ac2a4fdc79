// Stable line ids: every text a translator or a voice actor works on has an id that
// survives reordering and edits elsewhere in the file. The rule (docs/scenario-format.md,
// "Line ids"):
//   - an explicit `id:` on a customer line or a choice is used as written;
//   - otherwise the id is the owner, the role and a short hash of the text itself:
//     `<node>.customer.<hash>`, `<node>.say.<hash>`, `<node>.feedback.<hash>`,
//     `debrief.<hash>`; a choice with an explicit id X has its feedback at `X.feedback`;
//   - texts that occur once per owner need no hash: `<node>.notes`, `<ending>.ending`,
//     `scenario.title`, `scenario.summary`, `scenario.setting`, `customer.persona`,
//     `needs.technical`, `needs.personal`;
//   - the hash is FNV-1a 32 of the text with its whitespace collapsed, as 6 hex digits;
//     the second, third... text of one owner and role with the same hash gets `-2`, `-3`.
#pragma once

#include "frontline/scenario.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

/// What a translatable text is for: translators' comments, and voice (customer lines speak).
enum class TextRole : uint8_t {
    title,
    summary,
    setting,
    persona,
    need_technical,
    need_personal,
    debrief,
    customer_line,
    say,
    feedback,
    notes,
    ending
};
std::string_view text_role_name(TextRole r);

/// One translatable text of a scenario, in file order.
struct TranslatableText {
    std::string id;
    TextRole role = TextRole::title;
    const std::string* text = nullptr;  ///< points into the Scenario it came from
    SourcePos pos;
    int node = -1;    ///< index of the node it belongs to, or -1
    int ending = -1;  ///< index of the ending it belongs to, or -1
};

/// The 6-hex-digit hash of a text used in derived ids (whitespace runs count as one space,
/// leading and trailing whitespace none, so re-wrapping a YAML block keeps the id).
std::string line_text_hash(std::string_view text);

/// True when `id` can be written as an explicit `id:`: letters, digits, '-', '_', '.',
/// starting with a letter or digit, at most 128 characters.
bool valid_line_id(std::string_view id);

/// Fills every derived id (the explicit ones the reader set are kept). Idempotent.
void assign_line_ids(Scenario& s);

/// Every translatable, non-empty text of `s` with its id, in file order. Call after
/// assign_line_ids (check_scenario does).
std::vector<TranslatableText> translatable_texts(const Scenario& s);

/// Calls `f` on every translatable, non-empty text of `s` in file order, with the text
/// itself writable (how a translation is applied).
void for_each_text(Scenario& s, const std::function<void(const TranslatableText&, std::string& text)>& f);

/// FL024 for every id used twice (an explicit id can collide with another, or with a
/// derived one), at the second use.
void check_line_ids(const Scenario& s, DiagnosticList& diags);

}  // namespace frontline
