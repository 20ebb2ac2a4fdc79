// Import from Twine: Twee 3 source, or a Twine 2 archive / published story
// (HTML with <tw-storydata>/<tw-passagedata>). Passages become nodes (or endings
// when they have no links), links become choices; markup this importer does not
// understand is kept as text with a warning. The YAML produced is checked with
// the real loader before anyone sees it. Plain C++, no YAML or HTML library.
#pragma once

#include "frontline/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

/// A link as written in a passage: [[Target]], [[Text|Target]], [[Text->Target]], [[Target<-Text]].
struct TwineLink {
    std::string text;
    std::string target;
    SourcePos pos;  ///< of the opening [[
};

struct TwinePassage {
    std::string name;
    std::vector<std::string> tags;
    std::string text;  ///< decoded content, links included
    SourcePos pos;     ///< header (Twee) or <tw-passagedata> tag (HTML)
    uint32_t text_line = 0;  ///< file line of the first line of `text`
};

struct TwineStory {
    std::string title;
    std::string start;  ///< start passage name, "" when the source names none
    SourcePos start_pos;
    std::vector<TwinePassage> passages;  ///< story passages only (StoryTitle/StoryData consumed)
};

/// Parses Twee 3. Problems (malformed headers, duplicate names) go to `diags`.
std::optional<TwineStory> parse_twee(std::string_view text, DiagnosticList& diags);

/// Parses a Twine 2 archive or published HTML story (the first <tw-storydata>).
std::optional<TwineStory> parse_twine_html(std::string_view html, DiagnosticList& diags);

/// The file position of byte `offset` of a passage's text.
SourcePos passage_position(const TwinePassage& passage, size_t offset);

/// The links of a passage, in order, with file positions.
std::vector<TwineLink> twine_links(const TwinePassage& passage);

/// True when the link goes to the web (http://, https://, mailto:), not to a passage:
/// the import keeps it as text with a warning (FL089) instead of making it a choice.
bool is_url_link(const TwineLink& link);

/// What `import_twine` produced.
struct TwineImport {
    std::string yaml;  ///< empty when the story could not be converted
    int nodes = 0;
    int endings = 0;
    int choices = 0;
    DiagnosticList check;  ///< the loader's and checker's verdict on `yaml` (positions in the output)
};

/// Detects the format (HTML when it has <tw-storydata>), parses and converts.
/// Input problems go to `diags` (FL089..FL099); `output_name` names the YAML in `check`.
TwineImport import_twine(std::string_view bytes, const std::string& output_name, DiagnosticList& diags);

/// "3 nodes", "1 node": counts in messages.
std::string count(int n, std::string_view one, std::string_view many);

/// Text as a YAML double-quoted scalar: safe for any content.
std::string yaml_quote(std::string_view text);

}  // namespace frontline
