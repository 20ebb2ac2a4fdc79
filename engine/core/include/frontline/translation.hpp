// A scenario in another language: its template for translators, where its .po files
// live, and applying one. Missing and stale translations fall back to the English and
// are reported, so a half-done translation is still playable.
#pragma once

#include "frontline/line_ids.hpp"
#include "frontline/po.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace frontline {

/// A text left in English because its translation is missing or stale.
struct UntranslatedText {
    std::string id;
    TextRole role = TextRole::title;
    SourcePos pos;
    Catalogue::State state = Catalogue::State::missing;
};

/// Replaces every text of `s` that `catalogue` translates; returns the others.
std::vector<UntranslatedText> translate_scenario(Scenario& s, const Catalogue& catalogue);

/// The gettext template of a scenario: one entry per text, msgctxt = its line id, a
/// `#.` comment naming its role (and node), a `#:` reference `file:line`.
PoFile scenario_template(const Scenario& s, const std::string& reference_file);

/// Where the translation of the scenario read from `scenario_file` with id `scenario_id`
/// into `language` lives: `<folder of the file>/i18n/<language>/<scenario id>.po`.
std::filesystem::path scenario_translation_path(const std::filesystem::path& scenario_file,
                                                const std::string& scenario_id, const std::string& language);

/// True for a language code like fr, pt_BR or sr@latin (what gettext accepts).
bool valid_language_code(std::string_view language);

/// Reads a .po file; nullopt and messages (`file:line: error: ...`) when it cannot be used.
std::optional<PoFile> read_po_file(const std::filesystem::path& path, std::vector<std::string>& errors);

/// The catalogue of a scenario in `language` (see scenario_translation_path): empty,
/// with `found` false, when there is no file; nullopt with messages when it is malformed.
std::optional<Catalogue> load_scenario_catalogue(const std::filesystem::path& scenario_file,
                                                 const std::string& scenario_id, const std::string& language,
                                                 std::vector<std::string>& errors, bool* found = nullptr);

/// `existing` brought up to date with `template_po`, by line id: a translation whose
/// English is unchanged is kept; one whose English changed is kept but marked fuzzy (to
/// review); entries no longer in the template become obsolete; new ones are untranslated.
/// The header of `existing` is kept (or a new one for `language` when it has none).
PoFile merge_po(const PoFile& existing, const PoFile& template_po, const std::string& language);

/// The game interface's catalogue brought up to date with its template (made by
/// xgettext from the sources), by msgid, since interface strings have no line ids: a
/// translation whose English is in the template is kept; the others become obsolete;
/// new strings are untranslated. Comments, references and flags (c-format) come from
/// the template, the translator's comments and `fuzzy` from `existing`. A new
/// catalogue's header gets the language's Plural-Forms (see plural_forms_for).
PoFile merge_interface_po(const PoFile& existing, const PoFile& template_po, const std::string& language);

/// The Plural-Forms header value for a language: `nplurals=2; plural=(n > 1);` for
/// French and Brazilian Portuguese, ... ; the English rule for languages not listed.
std::string plural_forms_for(const std::string& language);

/// How much of an interface catalogue is usable against its template.
struct InterfaceStatus {
    size_t total = 0, translated = 0, fuzzy = 0, missing = 0;
};
InterfaceStatus interface_status(const PoFile& catalogue, const PoFile& template_po);

}  // namespace frontline
