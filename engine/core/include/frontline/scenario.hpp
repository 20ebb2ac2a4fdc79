// The scenario as plain data: what the YAML reader produces and every other pass
// (check, run, score, analyse, the game) consumes. No yaml types leak past here.
// Nodes, choices and endings refer to each other by index into flat tables.
#pragma once

#include "frontline/diagnostic.hpp"
#include "frontline/expression.hpp"

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace frontline {

/// How the call ended for the customer, best to worst.
enum class Outcome : uint8_t { delighted, satisfied, neutral, lost, complaint };
inline constexpr int outcome_count = 5;
std::string_view outcome_name(Outcome o);
std::optional<Outcome> parse_outcome(std::string_view s);
/// Every outcome name in enum order (what the reader accepts and its messages list).
const std::vector<std::string>& outcome_names();

/// How the customer reaches the trainee; the call screen draws each its own way.
enum class Channel : uint8_t { phone, desk, chat };
inline constexpr int channel_count = 3;
std::string_view channel_name(Channel c);
std::optional<Channel> parse_channel(std::string_view s);

/// How the customer looks, when the author says so (otherwise the game derives a face
/// from the name). Each enum's names are the YAML values, in the order of *_names().
struct Portrait {
    enum class Hair : uint8_t { short_hair, long_hair, bun, bob, curly, bald };
    enum class HairColour : uint8_t { black, brown, auburn, blond, grey };
    enum class Skin : uint8_t { light, medium, tan, brown, dark };
    enum class Age : uint8_t { young, adult, older };
    Hair hair = Hair::short_hair;
    HairColour hair_colour = HairColour::brown;
    Skin skin = Skin::medium;
    Age age = Age::adult;
    bool glasses = false;
};
/// YAML names of each portrait field's values, in enum order.
const std::vector<std::string>& hair_names();
const std::vector<std::string>& hair_colour_names();
const std::vector<std::string>& skin_names();
const std::vector<std::string>& age_names();

/// An int index (as scenarios, states and transcripts hold them) as a vector subscript;
/// asserts it is in range.
inline size_t checked_index(int index, size_t size) {
    assert(index >= 0 && static_cast<size_t>(index) < size);
    (void)size;
    return static_cast<size_t>(index);
}
/// How the customer sounds when the game speaks their lines (espeak-ng's terms).
/// Unset fields keep espeak-ng's defaults; the mood nudges pitch and rate during the call.
struct Voice {
    std::string language = "en";  ///< an espeak-ng voice name: en, en-gb, fr, de, es...
    std::string variant;          ///< an espeak-ng variant (m1..m7, f1..f5, klatt...); "" = the language's own
    int pitch = 50;               ///< 0..99, espeak-ng's base pitch
    int rate = 165;               ///< 80..450 words a minute
    SourcePos pos;
};
inline constexpr int min_voice_pitch = 0, max_voice_pitch = 99;
inline constexpr int min_voice_rate = 80, max_voice_rate = 450;

/// Where a choice leads: a node or an ending, by index.
struct Target {
    enum class Kind : uint8_t { node, ending };
    Kind kind = Kind::node;
    int index = -1;
    bool is_ending() const { return kind == Kind::ending; }
    friend bool operator==(const Target&, const Target&) = default;
};

struct Assignment {
    int var = -1;  ///< slot in Scenario::vars
    Expression value;
    SourcePos pos;
};

struct Choice {
    std::string say;
    int technical = 0;  ///< points toward the technical need
    int personal = 0;   ///< points toward the personal need
    int mood = 0;       ///< mood delta (mood is clamped to 0..100 afterwards)
    Expression condition;  ///< empty = always shown
    std::vector<Assignment> set;
    std::string feedback;
    std::vector<std::string> skills;
    Target next;
    std::string next_name;  ///< as written, for messages
    std::string id;         ///< stable line id of `say` (explicit `id:` or derived; see line_ids.hpp)
    std::string feedback_id;   ///< stable line id of `feedback` (empty when there is none)
    bool explicit_id = false;  ///< the author wrote `id:`
    SourcePos id_pos;          ///< the `id:` value when explicit
    SourcePos pos;          ///< the `- say:` item
    SourcePos next_pos;
    SourcePos condition_pos;
};

/// One of the customer's lines at a node; the first whose condition holds is shown.
struct CustomerLine {
    Expression condition;  ///< empty = always
    std::string text;
    SourcePos pos;
    std::string id;            ///< stable line id (explicit `id:` or derived; see line_ids.hpp)
    bool explicit_id = false;  ///< the author wrote `id:`
    SourcePos id_pos;          ///< the `id:` value when explicit
};

struct Node {
    std::string id;
    std::vector<CustomerLine> customer;
    std::vector<Choice> choices;
    std::string notes;  ///< facilitator discussion prompt
    std::string notes_id;  ///< stable line id of `notes` (empty when there are none)
    /// Choices are shown in a shuffled order unless the author says the order carries
    /// meaning (`shuffle: false`), so position never gives the answer away.
    bool shuffle = true;
    SourcePos pos;

    /// Choice by index (the runner's and the analysis's int indices; asserted in range).
    const Choice& choice(int index) const { return choices[checked_index(index, choices.size())]; }
};

struct Ending {
    std::string id;
    Outcome outcome = Outcome::neutral;
    std::string text;
    SourcePos pos;
    std::string text_id;  ///< stable line id of `text`: `<ending id>.ending`
};

struct Variable {
    std::string name;
    ValueType type = ValueType::integer;
    Value initial = 0;
    SourcePos pos;
};

/// Expected results of a scripted walkthrough (`tests:` in a scenario).
struct Walkthrough {
    struct Range {
        int min = 0;
        int max = 0;
        SourcePos pos;
    };
    struct Step {
        int index = 0;        ///< 1-based among visible choices, or 0 when `prefix` is used
        std::string prefix;   ///< unique prefix of a visible choice's text
        SourcePos pos;
    };
    std::string name;
    std::vector<Step> steps;
    std::string ending;
    SourcePos ending_pos;
    std::optional<Outcome> outcome;
    SourcePos outcome_pos;
    std::optional<Range> technical;  ///< percent
    std::optional<Range> personal;   ///< percent
    std::optional<Range> mood;
    std::vector<std::pair<std::string, SourcePos>> lines;
    SourcePos pos;
};

struct Scenario {
    std::string file;         ///< path it was read from (for diagnostics)
    std::string content_hash; ///< FNV-1a 64 of the file bytes, hex: results stay tied to a version

    std::string id;
    std::string title;
    std::string summary;
    std::string setting;
    int difficulty = 2;  ///< 1..5
    std::vector<std::string> skills;
    Channel channel = Channel::phone;

    struct Customer {
        std::string name;
        std::string persona;
        int mood = 50;  ///< 0 furious .. 100 delighted
        struct Walkout {
            int below = 0;
            int ending = -1;
            std::string ending_name;
            SourcePos pos;
        };
        std::optional<Walkout> walkout;
        std::optional<Portrait> portrait;
        std::optional<Voice> voice;  ///< absent: the game's default voice
    } customer;

    struct Needs {
        std::string technical;
        std::string personal;
    } needs;

    struct PassMarks {
        int technical = 60;  ///< percent
        int personal = 60;   ///< percent
    } pass;

    /// Raw points that mean a need was fully met as the customer sees it
    /// (`scoring.full_marks`). Without it a need scores against the best achievable on
    /// any path; with it, a call where the need cannot be met shows that it wasn't.
    struct FullMarks {
        std::optional<int64_t> technical;
        std::optional<int64_t> personal;
        SourcePos technical_pos, personal_pos;
    } full_marks;

    /// Optional time pressure: after `grace` seconds of silence at a node,
    /// mood drops by `drain` per further second.
    struct Patience {
        double grace = 20;
        double drain = 1;
    };
    std::optional<Patience> patience;

    std::vector<std::string> debrief;  ///< learning points
    std::vector<std::string> debrief_ids;  ///< stable line id of each learning point
    std::vector<SourcePos> debrief_pos;    ///< where each learning point is (reader fills it)
    std::vector<Variable> vars;
    Symbols symbols;  ///< names for the expression compiler (mirrors vars)

    int start = -1;
    std::string start_name;
    SourcePos start_pos;
    std::vector<Node> nodes;
    std::vector<Ending> endings;
    std::vector<Walkthrough> tests;

    SourcePos id_pos;
    /// Where the translatable top-level texts are, for translators' references and warnings.
    struct TextPositions {
        SourcePos title, summary, setting, persona, need_technical, need_personal;
    } text_pos;

    /// Node and ending by index: the int indices of Target, CallState and the
    /// transcript, checked in debug builds, with no cast at the call site.
    const Node& node(int index) const { return nodes[checked_index(index, nodes.size())]; }
    const Ending& ending(int index) const { return endings[checked_index(index, endings.size())]; }
    const Variable& var(int index) const { return vars[checked_index(index, vars.size())]; }

    int find_node(std::string_view id) const;
    int find_ending(std::string_view id) const;
    /// Resolves a `next:` name; Target::index is -1 if nothing has that name.
    Target resolve(std::string_view name) const;
};

/// Content hash used to tie results to the exact text of a scenario.
std::string hash_content(std::string_view bytes);

/// The six best-in-class behaviours plus service recovery, in display order.
const std::vector<std::string>& known_skills();

}  // namespace frontline
