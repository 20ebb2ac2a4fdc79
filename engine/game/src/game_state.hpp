// The game's state and the one function that changes it. Nothing here draws or
// touches SDL: screens read a const GameState and return an Intent, the loop
// calls apply(), and a test can drive exactly the same path without a window.
//
// Sections: library entries / intents / GameState / operations.
#pragma once

#include "author_map.hpp"
#include "debrief_model.hpp"
#include "frontline/game.hpp"
#include "frontline/reader.hpp"
#include "frontline/runner.hpp"
#include "frontline/scenario_watcher.hpp"
#include "frontline/scoring.hpp"
#include "phone_link.hpp"
#include "results_link.hpp"
#include "settings.hpp"
#include "workshop.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace frontline::game {

enum class Screen : uint8_t {
    library, briefing, call, debrief, settings, diagnostics, progress, workshop_setup, workshop, workshop_summary,
    author_map
};
enum class Mode : uint8_t { coach, assessment };

/// A sound the game asks the platform to play (assets/sounds/).
enum class Cue : uint8_t {
    ring,          ///< a phone call starts (phone scenarios; desk visits and chats start quietly)
    patience_low,  ///< three quarters of the patience grace gone in silence, once per node
};

/// Fraction of the patience grace after which the soft cue sounds.
inline constexpr double patience_low_fraction = 0.75;

/// One scenario file as the library knows it: loaded and checked, or its diagnostics.
struct LibraryEntry {
    std::filesystem::path path;
    LoadedScenario loaded;
    /// The scenario as written, kept while `loaded` holds a translation of it.
    std::optional<Scenario> source;
    /// The library is in a language this scenario has no translation into (it is played as written).
    bool untranslated = false;
    bool ok() const { return loaded.scenario.has_value() && loaded.bounds.has_value(); }
    const Scenario& scenario() const { return *loaded.scenario; }
    /// Title for the card: the scenario's own, or the file name when it failed to load.
    std::string display_title() const;
};

/// What a screen asks for; the loop applies it. One per frame is plenty for a human.
namespace intent {
struct OpenScenario { int index = -1; };   ///< library card: briefing, or diagnostics if it failed
struct StartCall { Mode mode = Mode::coach; };
struct Choose { int number = 0; };         ///< 1-based as shown on screen (after the shuffle)
struct Retry {};
struct RetryFromTurn { int turn = 0; };    ///< keep the first `turn` choices, play on from there
struct NextScenario {};
struct BackToLibrary {};
struct OpenSettings {};
struct CloseSettings {};
struct ChangeSettings { Settings settings; };
struct SetSkillFilter { std::string skill; };  ///< "" = all skills
struct SetMode { Mode mode = Mode::coach; };
struct ShowDiagnostics { int index = -1; };
struct Quit {};
struct SelectTrainee { std::string name; };     ///< pick or create a profile (results on)
struct ResumeAttempt { int64_t attempt = 0; };  ///< replay an unfinished call and go on recording it
struct DiscardAttempt { int64_t attempt = 0; }; ///< delete an unfinished call
struct OpenProgress {};
struct SetWatch { bool on = false; };
struct OpenMap {};   ///< author view of the open scenario (from the briefing, call or debrief)
struct CloseMap {};  ///< back to where the map was opened
/// A call from any node with chosen values, not recorded.
struct StartPlaytest {
    PlaytestStart start;
};
// Workshop mode (workshop_flow.cpp).
struct OpenWorkshopSetup {};
struct StartWorkshop {
    results::WorkshopRecord setup;  ///< teams, queue, style; no steps
    bool phones = false;            ///< open the vote to the room's phones (class vote, or each team's turn)
};
struct ResumeWorkshop { int64_t workshop = 0; };
struct CloseWorkshop { int64_t workshop = 0; };  ///< mark an unfinished one finished without playing on
/// Hot seat: 1-based visible choice; with the team's phone split when its phones voted.
struct WorkshopChoose {
    int number = 0;
    std::vector<int> votes;  ///< the phones' votes per visible option (empty: chosen by hand)
};
struct WorkshopVote { std::vector<int> votes; }; ///< class vote: counts per visible option
struct WorkshopPause {};                         ///< toggles the decision timer
struct WorkshopReveal {};                        ///< toggles meters and paths not taken
struct WorkshopContinue {};                      ///< past the ending of a call
struct WorkshopSummaryView {};                   ///< the scoreboard and summary
// The room's phones (their split is applied as a WorkshopVote, or in hot seat as a
// WorkshopChoose of the team's majority with its votes).
struct PhoneLock {};     ///< toggles: no more changes to the phones' votes
struct PhoneReveal {};   ///< the split shown on the projector and the phones
struct PhoneNewCode {};  ///< a new room code for new joins
struct PhoneRemove {
    int phone = 0;
};                             ///< takes a phone (by the room's number) out of the room
struct PhoneShowNicknames {};  ///< toggles nicknames in the facilitator's list of phones
}  // namespace intent

using Intent =
    std::variant<std::monostate, intent::OpenScenario, intent::StartCall, intent::Choose, intent::Retry,
                 intent::RetryFromTurn, intent::NextScenario, intent::BackToLibrary, intent::OpenSettings,
                 intent::CloseSettings, intent::ChangeSettings, intent::SetSkillFilter, intent::SetMode,
                 intent::ShowDiagnostics, intent::Quit, intent::SelectTrainee, intent::ResumeAttempt,
                 intent::DiscardAttempt, intent::OpenProgress, intent::SetWatch, intent::OpenMap, intent::CloseMap,
                 intent::StartPlaytest, intent::OpenWorkshopSetup, intent::StartWorkshop, intent::ResumeWorkshop,
                 intent::CloseWorkshop, intent::WorkshopChoose, intent::WorkshopVote, intent::WorkshopPause,
                 intent::WorkshopReveal, intent::WorkshopContinue, intent::WorkshopSummaryView, intent::PhoneLock,
                 intent::PhoneReveal, intent::PhoneNewCode, intent::PhoneRemove, intent::PhoneShowNicknames>;

/// Human-readable form of an intent, for test failure messages and logs.
std::string describe(const Intent& i);

/// Everything that starts and ends with one call on screen. A call comes on screen as a
/// new session and leaves by resetting GameState::call, so no field can be left over
/// from the call before (a retry, a reload, a playtest, back to the library).
struct CallSession {
    explicit CallSession(Runner r) : runner(std::move(r)) {}
    Runner runner;
    double thinking_seconds = 0;        ///< at the current node, for choose()'s seconds_taken
    std::optional<AttemptScore> score;  ///< once the call has ended
    std::optional<DebriefModel> debrief;
    /// An author's playtest from a chosen node and values: recorded nowhere, and
    /// scored against the best that can be done from where it starts, not from the
    /// scenario's start (which it skipped).
    struct Playtest {
        PlaytestStart start;
        ScoreBounds bounds;
    };
    std::optional<Playtest> playtest;
    bool ended() const { return score.has_value(); }
};

struct GameState {
    /// Filled once at start and never resized: Runner keeps a pointer into it.
    std::vector<LibraryEntry> library;
    Screen screen = Screen::library;
    Screen screen_before_settings = Screen::library;
    int current = -1;  ///< library index of the open scenario
    Mode mode = Mode::coach;
    bool single_scenario = false;  ///< `play --gui FILE`: no library to go back to
    std::optional<uint64_t> choice_seed;  ///< every call shows this shuffled order (else a fresh one)
    bool no_shuffle = false;              ///< every call shows the author's order

    std::optional<CallSession> call;  ///< the call on screen, or its debrief
    int calls_finished = 0;           ///< counts debriefs, so a new one is drawn from its top
    bool paused = false;              ///< window unfocused or settings open: time stops
    /// Sounds asked for since the platform last took them (it plays them, or not, at
    /// the volume in the settings). Pure data, so tests see the cues without audio.
    std::vector<Cue> cues;

    std::string skill_filter;
    Settings settings;
    bool settings_changed = false;  ///< the platform applies and saves, then clears it
    bool quit = false;
    std::vector<std::string> notices;  ///< warnings the trainer should see (settings, font)
    /// Languages some scenario of the library has a catalogue for (its i18n/LANG folders).
    std::vector<std::string> languages;
    std::string applied_language;    ///< what the library's scenarios are in now ("" = as written)
    std::string interface_language;  ///< what the interface is in now ("" = English)
    /// The game's asset folders (the interface's translations are their i18n/LL.po).
    std::vector<std::filesystem::path> asset_dirs;

    ResultsLink results;  ///< the store, the trainee, the attempt being recorded
    std::optional<Workshop> workshop;  ///< a facilitator's workshop in progress (or just finished)
    std::string workshop_error;        ///< why a workshop could not start or resume
    /// The scale before a workshop raised it for the projector, restored after it.
    std::optional<int> scale_before_workshop;
    /// A class vote's phones (phone_link.hpp): set while a workshop with phones runs.
    std::optional<PhoneLink> phones;
    PhoneOptions phone_options;
    std::shared_ptr<Waker> waker = std::make_shared<Waker>();
    std::map<std::string, BestResult> session_best;  ///< key: scenario id + content hash

    /// Hot reload (author mode, reload_current() and poll_scenario_file() below): while
    /// on, the open scenario's file is polled and a save replaces the library entry,
    /// replaying the call.
    bool watch = false;
    std::optional<ScenarioWatcher> watcher;
    /// The author map of the open scenario while it is shown (built on opening).
    std::optional<AuthorMap> author_map;
    Screen screen_before_map = Screen::briefing;
    double next_watch_check = 0;             ///< seconds on the game clock
    /// The latest save that did not load: shown over the game while the last
    /// good version stays playable. Empty once the file loads again.
    DiagnosticList reload_diagnostics;
    int reloads = 0;  ///< changes noticed (good or broken), so the loop knows to redraw
    size_t reload_dropped = 0;  ///< choices of the last reload that no longer exist
};

/// Library entry by index (GameState::current and the intents' indices are ints).
inline const LibraryEntry& library_entry(const GameState& g, int index) {
    return g.library[checked_index(index, g.library.size())];
}
inline LibraryEntry& library_entry(GameState& g, int index) {
    return g.library[checked_index(index, g.library.size())];
}

/// The running call's runner, or null between calls.
inline const Runner* call_runner(const GameState& g) { return g.call ? &g.call->runner : nullptr; }
/// True while an author's playtest is on screen (nothing is recorded).
inline bool in_playtest(const GameState& g) { return g.call && g.call->playtest; }

/// Loads every scenario under `paths` (and `open_directly`), sorted as found.
/// A file that fails to load stays in the library with its diagnostics.
GameState make_game_state(const GameOptions& options);

/// Puts the library's scenarios into settings.language (from each one's i18n/LANG/<id>.po;
/// a text without a translation stays as written; a broken catalogue is a notice). Waits
/// while a call is in progress, since the call reads its scenario: BackToLibrary and
/// OpenScenario apply it then.
void apply_language(GameState& g);
/// Puts the game's own interface into settings.language at once (even mid-call: only
/// the scenario's text waits for the call to end); English when there is no catalogue.
void apply_interface_language(GameState& g);

/// Applies one intent. Impossible ones (choice 7 of 3) change nothing. Every intent
/// has its own handle() overload and apply() visits without a fallback, so a new
/// intent without a handler does not compile.
void apply(GameState& g, const Intent& i);

/// The workshop's handlers (workshop_flow.cpp); the rest are in game_state.cpp.
void handle(GameState& g, const intent::OpenWorkshopSetup&);
void handle(GameState& g, const intent::StartWorkshop&);
void handle(GameState& g, const intent::ResumeWorkshop&);
void handle(GameState& g, const intent::CloseWorkshop&);
void handle(GameState& g, const intent::WorkshopChoose&);
void handle(GameState& g, const intent::WorkshopVote&);
void handle(GameState& g, const intent::WorkshopPause&);
void handle(GameState& g, const intent::WorkshopReveal&);
void handle(GameState& g, const intent::WorkshopContinue&);
void handle(GameState& g, const intent::WorkshopSummaryView&);
void handle(GameState& g, const intent::PhoneLock&);
void handle(GameState& g, const intent::PhoneReveal&);
void handle(GameState& g, const intent::PhoneNewCode&);
void handle(GameState& g, const intent::PhoneRemove&);
void handle(GameState& g, const intent::PhoneShowNicknames&);
/// Once a frame, on the game thread: opens the room's vote on each new decision of a
/// class vote with phones and copies the room's code, phones and counts into g.phones.
void sync_phones(GameState& g);
/// Stops a class vote's phone server (the workshop ended or was left, the game quits).
void stop_phones(GameState& g);
/// Leaves a workshop screen for the library, keeping the workshop saved; false when
/// no workshop screen is showing (BackToLibrary then leaves a call instead).
bool leave_workshop(GameState& g);
/// Library entries of a saved workshop's queue, in order (null where missing).
std::vector<WorkshopScenario> workshop_scenarios(const GameState& g, const results::WorkshopRecord& r);

/// Polls the open scenario's file (at most every 250 ms of `now`, game-clock
/// seconds) when watch is on; on a change reloads it. True if anything changed.
bool poll_scenario_file(GameState& g, double now);
/// Reloads the open scenario from disk now, keeping the call's path where the
/// same choices still exist. A file that does not load fills reload_diagnostics
/// and keeps the last good version.
void reload_current(GameState& g);

/// Whether the author map (best path, every ending) may be shown now: author tools
/// on (or an author's --watch session), and never in assessment mode.
bool author_map_allowed(const GameState& g);

/// The order of choices for a new call (and a retry: a fresh shuffle, so a retry
/// tests the reading, not the memory of positions).
ChoiceOrder next_choice_order(const GameState& g);

/// Passes trainee time: thinking time, and dead air when the scenario has patience.
void advance_time(GameState& g, double seconds);

/// Library indices shown under the current skill filter, in library order.
std::vector<int> visible_library(const GameState& g);
/// Every skill practised by at least one loaded scenario, known skills first.
std::vector<std::string> library_skills(const GameState& g);
/// Best result for a library entry: the store's if it has one, else this session's.
std::optional<BestResult> best_result_for(const GameState& g, int index);
/// Library index of the scenario version an unfinished attempt was played on, or -1
/// (file changed or gone: the attempt can then only be discarded).
int resumable_index(const GameState& g, const results::AttemptSummary& a);
/// The library entry after `current` that loaded, wrapping; -1 if there is none.
int next_scenario_index(const GameState& g);

/// The open entry's scenario (precondition: current is a loaded entry).
const Scenario& current_scenario(const GameState& g);
const ScoreBounds& current_bounds(const GameState& g);

/// Live percentages of the best achievable, for the coach meters.
double technical_percent_now(const GameState& g);
double personal_percent_now(const GameState& g);

}  // namespace frontline::game
