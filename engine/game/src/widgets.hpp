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
    /// A new turn's answers take input only once drawn and a short guard has passed,
    /// so one quick double input (a double-click, "1" pressed twice) answers one turn.
    /// Which turn's answers are on screen (a transcript length), and from when they count.
    size_t answers_turn = static_cast<size_t>(-1);
    double answers_ready_at = 0;
    int answer_cursor = -1;     ///< the answer the arrow keys are on (-1: none yet this turn)
    bool confirm_leave = false; ///< Esc was pressed in a call: asking before leaving it
    int debrief_seen = -1;      ///< the finished call the debrief last showed, to open a new one at the top
    std::string focused_widget; ///< the remembered name of the button Tab last put the focus on
    size_t summary_seen = static_cast<size_t>(-1);  ///< likewise for the workshop summary
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
    bool workshop_phones = false;     ///< class vote: the room votes from its phones
    std::vector<int> workshop_queue;  ///< library indices, in the order ticked
    int workshop_seconds = 90;
    /// Class vote counts being entered, and the decision they belong to.
    std::vector<int> votes;
    size_t votes_for_step = static_cast<size_t>(-1);
    size_t workshop_decision = static_cast<size_t>(-1);  ///< the decision on screen, to scroll a new one to the top
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
    /// Set by tests: the frame writes every text it draws in the main window here.
    std::string* text_capture = nullptr;
};

/// Tab and Shift+Tab move a focus ring through the screen's buttons in the order they
/// are drawn; Space presses the one in focus. (ImGui 1.86's own Tab reaches only text
/// fields.) Call at the start of each frame, with the screen drawn, before any button.
void begin_focus_ring(int screen);

/// Seconds a new turn's answers ignore input: longer than a double-click or a
/// double key press (about 150 ms apart), shorter than anyone reads a line.
inline constexpr double answer_guard_seconds = 0.3;

/// True once the answers for `turn` (any value that changes when the turn does) have
/// been on screen for the guard; starts the guard when `turn` is new.
bool answers_ready(UiState& ui, size_t turn);

/// PgUp/PgDn, Home/End and the arrows scroll the current window, as a reader of a long
/// page expects (call inside the child that scrolls).
void keyboard_scroll();

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
inline bool action_button(const std::string& label, bool primary = false, float width = 0) {
    return action_button(label.c_str(), primary, width);
}

/// Width of a label as drawn (what follows "##" is the widget's ID, not shown).
float label_width(const char* label);
inline float label_width(const std::string& label) { return label_width(label.c_str()); }

/// A horizontal meter: label, bar filled to `percent`, and the value in words.
void meter(const char* label, double percent, ImU32 color, const char* value_text = nullptr);

/// Wrapped text in a colour.
void text_wrapped_colored(ImU32 color, std::string_view text);

/// Heading text in the heading font.
void heading(std::string_view text);

/// "service-recovery" -> "service recovery": skill ids read as words on screen.
std::string skill_label(std::string_view id);

/// Puts the next button (labelled `label`) beside the last one when it fits, else
/// on a new line: rows of buttons that wrap instead of running off screen.
void same_line_if_fits(const char* label);
inline void same_line_if_fits(const std::string& label) { same_line_if_fits(label.c_str()); }

/// The first `max_chars` characters of `text` (UTF-8 aware), with "..." when cut.
std::string shorten_text(std::string_view text, size_t max_chars);

/// "2026-11-29T03:44:10.120Z" as a person reads it, in local time: "Sun 29 Nov, 04:44".
/// Text that is not such a time comes back as it was.
std::string friendly_time(std::string_view iso_utc);

/// "+2" / "-1" / "0", for choice effects.
std::string signed_number(int v);

}  // namespace frontline::game
