// Small drawing helpers shared by the screens, and the UI-only state they keep
// (cursor positions, animation, where each clickable thing was drawn).
#pragma once

#include "author_map.hpp"
#include "settings.hpp"

#include <imgui.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::game {

/// Screen rectangle of a drawn widget.
struct WidgetRect {
    ImVec2 min, max;
    ImVec2 center() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
};

/// State that belongs to drawing, not to the game: it can be thrown away any
/// time without changing what the trainee has done.
struct UiState {
    int library_cursor = 0;  ///< index into visible_library(), for keyboard use
    size_t transcript_seen = 0;  ///< scroll the conversation when it grows
    /// A chat's newest customer entry arrives one message at a time: which entry,
    /// and when it started arriving (on ui.now's clock).
    size_t chat_arriving = static_cast<size_t>(-1);
    double chat_arrival_start = 0;
    float shown_mood = -1;   ///< portrait mood, eased toward the real one (-1 = snap)
    bool animating = false;  ///< a screen wants more frames (easing in progress)
    Settings settings_draft;
    bool settings_draft_valid = false;
    double now = 0;  ///< seconds, from the injected clock
    char trainee_name[65] = {};  ///< the library's name field (64 bytes, as the store allows)
    /// The workshop setup being filled in (drafts, like settings_draft).
    int workshop_teams = 3;
    char team_names[8][33] = {};
    bool workshop_vote = false;  ///< class vote instead of hot seat
    std::vector<int> workshop_queue;  ///< library indices, in the order ticked
    int workshop_seconds = 90;
    /// Class vote counts being entered, and the decision they belong to.
    std::vector<int> votes;
    size_t votes_for_step = static_cast<size_t>(-1);
    /// Author map: the box drawn as "you are here" (set by the screen), the box
    /// clicked, and the playtest form being filled in for it.
    int map_current = -1;
    int map_selected = -1;
    /// The author map overlays how trainees answered (shares on edges, where calls stopped).
    bool map_shares = false;
    PlaytestStart playtest_draft;
    /// Where each named clickable was drawn this frame ("choice 2", "retry"...),
    /// so tests and the screenshot tour can click them like a trainee would.
    std::map<std::string, WidgetRect> widgets;
};

/// Records the last item's rectangle under `id`.
void remember(UiState& ui, const std::string& id);

/// True once when `scancode` (SDL scancode, as ImGui's SDL backend stores keys) goes down,
/// unless a text field has the keyboard.
bool key_pressed(int scancode);

/// A button whose label wraps to `width`; choices are sentences, not words.
/// `hint` is drawn in a badge on the left (the key number). Returns true when clicked.
bool wrapped_button(const char* id, std::string_view label, float width, std::string_view hint = {},
                    bool primary = false);

/// Height wrapped_button() will take for this label and width.
float wrapped_button_height(std::string_view label, float width, bool has_hint);

/// A plain button, optionally in the accent colour. Returns true when clicked.
bool action_button(const char* label, bool primary = false, float width = 0);

/// A horizontal meter: label, bar filled to `percent`, and the value in words.
void meter(const char* label, double percent, ImU32 color, const char* value_text = nullptr);

/// Wrapped text in a colour.
void text_wrapped_colored(ImU32 color, std::string_view text);

/// Heading text in the heading font.
void heading(std::string_view text);

/// "service-recovery" -> "service recovery": skill ids read as words on screen.
std::string skill_label(std::string_view id);

/// "+2" / "-1" / "0", for choice effects.
std::string signed_number(int v);

}  // namespace frontline::game
