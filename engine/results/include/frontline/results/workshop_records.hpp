// A facilitator's workshop as the results store keeps it: the setup (teams,
// queue of scenarios, style), then every step as it happened. The game rebuilds
// a workshop in progress by replaying the steps, so a crash or a closed lid
// loses nothing already decided. Plain values; no SQLite types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace frontline::results {

/// Row id of a workshop in the store.
using WorkshopId = int64_t;

/// One team: a name the room knows it by and a colour (hex "#RRGGBB").
struct WorkshopTeam {
    std::string name;
    std::string color;
};

/// One scenario in the queue, tied to the version of the file that was queued.
struct QueuedScenario {
    std::string scenario_id;
    std::string content_hash;
    std::string title;
};

/// One decision: a team's choice (hot seat) or the class's vote (class vote).
struct WorkshopStep {
    int round = 0;   ///< 0-based position in the queue
    int team = -1;   ///< 0-based team on the seat; -1 = the whole class voted
    std::string node;      ///< node id where the decision was made
    int choice_index = 0;  ///< node choice index (file order) that was played
    /// Votes per visible option, in the order shown: the class's, or in hot seat the
    /// team's phones. Empty when the choice was made by hand.
    std::vector<int> votes;
    bool tie_broken = false;  ///< the top count was shared; the rule picked the winner
    std::string made_at;      ///< ISO 8601 UTC, filled by the store
};

struct WorkshopRecord {
    WorkshopId id = 0;
    std::string title;
    std::string style;  ///< "hot-seat" or "class-vote"
    double decision_seconds = 90;  ///< the facilitator's decision timer
    /// The whole room sees one shuffled order of the choices, from this seed (none:
    /// the author's order); saved so a resumed workshop shows the same order.
    std::optional<uint64_t> shuffle_seed;
    /// The room voted from its phones, which joined on this port (none: typed votes).
    std::optional<int> phone_port;
    std::vector<WorkshopTeam> teams;
    std::vector<QueuedScenario> queue;
    std::vector<WorkshopStep> steps;  ///< in the order they happened
    std::string started_at;
    std::string finished_at;  ///< empty while it can be resumed
};

}  // namespace frontline::results
