// Insight for facilitators and authors: what trainees chose at each turn, where
// unfinished calls stopped, replay gain (first vs best attempt), the skills
// profile and a workshop's splits and scoreboard. Plain data built from the
// store's rows (ResultsStore::report_rows) and, where they are installed, the
// scenario files (untaken answers, facilitator notes, workshop replays). The
// CLI writes it as HTML (report_html.hpp); the game's debrief, author map and
// progress screen draw parts of it.
//
// Sections: filter and rows; privacy; per choice point; replay gain; the report.
#pragma once

#include "frontline/check.hpp"
#include "frontline/results/records.hpp"
#include "frontline/results/workshop_records.hpp"
#include "frontline/scenario.hpp"

#include <optional>
#include <string>
#include <vector>

namespace frontline::results {

// --- Filter and rows -----------------------------------------------------------

/// Which attempts a report covers. Empty fields match everything.
struct ReportFilter {
    std::string trainee;       ///< one trainee's report (names shown)
    std::string scenario_id;
    std::string content_hash;  ///< one version of the scenario (the game's debrief and map)
    std::string since;         ///< "YYYY-MM-DD": attempts started on or after that day (UTC)
    std::string exclude_trainee;  ///< everyone but this trainee ("how others answered")
    std::optional<WorkshopId> workshop;  ///< that workshop's steps (attempts are not tied to workshops)
};

/// One choice as the report needs it (a lighter ChoiceRecord).
struct ChoiceRow {
    AttemptId attempt = 0;
    int turn = 0;  ///< 0-based
    std::string node;
    int choice_index = 0;  ///< file order
    std::string say;
    int technical = 0;  ///< deltas
    int personal = 0;
    int mood = 0;
    std::vector<std::string> skills;
};

/// What the store holds for a filter, unaggregated.
struct ReportRows {
    std::string trainee;  ///< the filter's trainee as the store spells it ("" without one)
    std::vector<AttemptSummary> attempts;  ///< finished and unfinished, oldest first
    std::vector<ChoiceRow> choices;        ///< by attempt, then turn
    std::optional<WorkshopRecord> workshop;
};

/// "YYYY-MM-DD" with a real month and day; what --since takes.
bool valid_report_date(std::string_view date);

// --- Privacy --------------------------------------------------------------------

/// Aggregates over fewer attempts (or trainees) than this are not shown, so a
/// figure cannot single a person out.
inline constexpr int min_group_size = 5;

// --- Per choice point ---------------------------------------------------------------

/// One answer at a choice point: how often it was taken and what it does.
struct AnswerShare {
    int choice_index = 0;  ///< file order
    std::string say;
    int taken = 0;       ///< answers given
    double share = 0;    ///< taken / answers at the point, 0..1
    int technical = 0;   ///< what it does to both needs and the mood
    int personal = 0;
    int mood = 0;
    bool in_file = true;  ///< still an answer in the installed scenario file
};

/// One node where the trainee answers.
struct ChoicePoint {
    std::string node;
    std::string notes;  ///< the node's facilitator notes, from the scenario file
    int answers = 0;    ///< answers given here (a node visited twice in a call counts twice)
    bool shown = false; ///< answers >= the group size: shares may be shown
    std::vector<AnswerShare> options;  ///< file order: taken ones and, with the file, the rest at 0
    int stopped_here = 0;  ///< unfinished calls that were waiting at this node
};

/// A scenario's choice points, in the file's node order (else by first turn seen).
struct ScenarioInsight {
    std::string scenario_id;
    std::string title;
    int attempts = 0;
    int finished = 0;
    int unfinished = 0;
    bool file_found = false;  ///< the scenario file was available (notes, untaken answers)
    std::vector<ChoicePoint> points;
    /// The answers that cost the personal need, most harmful first (delta, then how often).
    struct Hurtful {
        std::string node;
        AnswerShare answer;
    };
    std::vector<Hurtful> hurtful;
    /// Nodes where unfinished calls stopped, most first (node "" = before the first answer
    /// without the file; with the file that is the start node).
    std::vector<std::pair<std::string, int>> stopped;
};

/// A scenario file the report may use; `bounds` only for workshop replays.
struct ScenarioFile {
    Scenario scenario;
    ScoreBounds bounds;
};

/// Shares per choice point of one scenario over `rows` (only its attempts count).
/// `file` (may be null) adds the untaken answers, the notes and where calls stopped.
/// `group` is the smallest number of answers at a point before its shares are shown.
ScenarioInsight scenario_insight(const ReportRows& rows, const std::string& scenario_id, const Scenario* file,
                                 int group = min_group_size);

// --- Replay gain ---------------------------------------------------------------------

/// One trainee on one scenario: their first finished call against their best.
struct ReplayGain {
    std::string trainee;
    std::string scenario_id;
    std::string title;
    int calls = 0;            ///< finished calls
    int attempts_to_best = 1; ///< 1 = the first call was already the best
    double first_technical = 0, first_personal = 0;
    double best_technical = 0, best_personal = 0;
    Quadrant first_quadrant = Quadrant::mere_mortal;
    Quadrant best_quadrant = Quadrant::mere_mortal;
    double technical_gain() const { return best_technical - first_technical; }
    double personal_gain() const { return best_personal - first_personal; }
};

/// Medians over the pairs that played a scenario more than once.
struct ReplayGainSummary {
    std::vector<ReplayGain> pairs;  ///< by trainee, then scenario id
    int replayed = 0;               ///< pairs with two or more finished calls
    std::optional<double> median_technical_gain;  ///< none below the group size
    std::optional<double> median_personal_gain;
    std::optional<double> median_attempts_to_best;
    int improved = 0;  ///< replayed pairs whose best beat their first
};

/// First vs best (better_result) per trainee and scenario, over finished attempts
/// (oldest first). Medians need `group` replayed pairs.
ReplayGainSummary replay_gain(const std::vector<AttemptSummary>& attempts, int group = min_group_size);

/// The median; empty input gives 0.
double median(std::vector<double> values);

// --- The report ----------------------------------------------------------------

/// One finished call on the quadrant chart.
struct CallPoint {
    std::string started_at;
    double technical = 0;
    double personal = 0;
    Quadrant quadrant = Quadrant::mere_mortal;
};

/// A skill among the six best-in-class behaviours.
struct SkillUse {
    std::string skill;
    int choices = 0;   ///< choices tagged with it
    int attempts = 0;  ///< finished calls that practised it at least once
    double share = 0;  ///< attempts / finished calls, 0..1
};

/// A workshop: each turn's split, the scoreboard, the notes.
struct WorkshopInsight {
    WorkshopId id = 0;
    std::string title;
    std::string style;  ///< "hot-seat" or "class-vote"
    std::string started_at;
    bool finished = false;
    std::vector<WorkshopTeam> teams;
    struct Option {
        std::string say;
        int votes = 0;             ///< class vote: hands or phones for it
        std::vector<int> teams;    ///< hot seat: the teams that chose it here
        int technical = 0, personal = 0;
        bool chosen = false;    ///< what the room (class vote) or some team (hot seat) played
        int choice_index = -1;  ///< position in the scenario file
    };
    /// Hot seat: one team's phone vote at this decision.
    struct TeamSplit {
        int team = 0;
        std::vector<int> votes;  ///< per option of the turn, in `options` order (0: not shown to this team)
        int total = 0;
        int chosen = 0;  ///< index into `options`: the team's majority, played
        bool tie_broken = false;
    };
    struct Turn {
        int round = 0;
        std::string scenario_title;
        std::string node;
        std::string notes;  ///< the node's facilitator notes
        std::vector<Option> options;  ///< in the order the room saw them
        int votes = 0;      ///< total votes (class vote)
        bool tie_broken = false;        ///< class vote
        std::vector<TeamSplit> splits;  ///< hot seat: the teams whose phones voted here, in the order they did
    };
    std::vector<Turn> turns;  ///< one per decision point per round (hot seat: the teams together)
    struct Standing {
        int team = -1;  ///< -1: the class
        int calls = 0;
        double technical = 0, personal = 0;  ///< means
        int best_in_class = 0;
    };
    std::vector<Standing> scoreboard;  ///< the personal need first, as customers judge
    std::vector<std::string> missing;  ///< queued scenarios whose file (that version) was not found
};

struct Report {
    ReportFilter filter;
    bool names = false;  ///< trainee names shown (a per-trainee report, or --names)
    int group = min_group_size;  ///< aggregates below this are hidden (1 in a per-trainee report)
    std::string generated_at;    ///< ISO 8601 UTC
    int trainees = 0;
    std::vector<std::string> trainee_names;  ///< by first call: "Trainee N" is the Nth
    int attempts = 0;
    int finished = 0;
    int unfinished = 0;
    std::vector<CallPoint> calls;  ///< finished, oldest first
    std::vector<int> quadrant_counts;  ///< per Quadrant, in enum order
    int pass_technical = 60, pass_personal = 60;  ///< of the latest call (the chart's lines)
    ReplayGainSummary gain;
    std::vector<SkillUse> skills;  ///< the six behaviours, in known_skills() order
    std::vector<ScenarioInsight> scenarios;  ///< by title
    std::optional<WorkshopInsight> workshop;
};

/// Everything the report shows. `files` are the installed scenarios (may be empty):
/// matched by id, the same version (content hash) preferred.
Report build_report(const ReportRows& rows, const ReportFilter& filter, bool names,
                    const std::vector<ScenarioFile>& files, std::string generated_at);

/// A stand-in name per trainee when names are hidden ("Trainee 1", by first call).
std::string trainee_label(const Report& report, const std::string& name);

}  // namespace frontline::results
