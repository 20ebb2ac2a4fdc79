// `frontline workshop SCENARIO...`: the game opened straight into a workshop on a
// queue of scenarios, the first decision on screen with its timer running. For a
// facilitator's shortcut and for scripts and tests that drive the projector.
#include "commands.hpp"
#include "data_dirs.hpp"
#include "results_recording.hpp"
#include "terminal.hpp"

#include "frontline/reader.hpp"

#ifdef FRONTLINE_HAS_GAME
#include "frontline/game.hpp"
#endif

#include <ostream>

namespace frontline::cli {

namespace {

struct WorkshopCommandOptions {
    std::vector<std::string> files;
    std::string mode = "hot-seat";
    int teams = 3;
    bool teams_given = false;  ///< --teams on the command line (with --phones: hot seat)
    double timer = 90;
    std::string data;
    bool phones = false;
    std::string bind = "0.0.0.0";
    int port = 0;
};

int open_workshop(const WorkshopCommandOptions& o, const CLI::App& root, Io& io) {
    // Every scenario must load before the room sees anything: errors as file:line:col.
    bool broken = false;
    for (const std::string& file : o.files) {
        LoadedScenario loaded = load_scenario(file);
        print_diagnostics(io.err, loaded.diagnostics);
        if (loaded.io_error) return exit_usage;
        broken |= !loaded.scenario;
    }
    if (broken) return exit_errors;
#ifdef FRONTLINE_HAS_GAME
    GameOptions g;
    for (const std::string& file : o.files) g.scenario_paths.emplace_back(file);
    g.asset_dirs = data_dirs().assets;  // fonts, sounds and the phone page
    g.results_data = chosen_results_path(root, o.data).string();
    GameOptions::WorkshopStart start;
    start.style = o.mode;
    start.teams = o.teams;
    start.decision_seconds = o.timer;
    if (o.phones) {
        // The room votes from its phones: a class vote, or with --teams, teams taking
        // turns (hot seat) where each phone picks its team.
        start.style = o.teams_given ? "hot-seat" : "class-vote";
        start.phones = true;
        start.phone_bind = o.bind;
        start.phone_port = o.port;
    }
    g.workshop = start;
    return run_game(g);
#else
    (void)root;
    io.err << "frontline workshop: this build has no game (configure with -DFRONTLINE_GAME=ON)\n";
    return exit_usage;
#endif
}

}  // namespace

void add_workshop_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("workshop", "Open the game straight into a workshop on these scenarios, in this order");
    auto o = std::make_shared<WorkshopCommandOptions>();
    cmd->add_option("scenarios", o->files, "Scenario files, played in this order")->required()->check(CLI::ExistingFile);
    cmd->add_option("--mode", o->mode, "hot-seat (teams take turns) or class-vote (the room decides)")
        ->check(CLI::IsMember({"hot-seat", "class-vote"}));
    auto* teams = cmd->add_option("--teams", o->teams, "Teams taking turns in hot seat, named Team 1..N")
                      ->check(CLI::Range(2, 8));
    cmd->add_option("--timer", o->timer, "Seconds for each decision")->check(CLI::Range(10.0, 3600.0));
    cmd->add_flag("--phones", o->phones,
                  "Vote from the room's phones (a class vote; with --teams, each team on its turn): prints the join "
                  "address and room code");
    cmd->add_option("--bind", o->bind, "Address the phones' vote is served on (127.0.0.1: this computer only)")
        ->check(CLI::ValidIPV4);
    cmd->add_option("--port", o->port, "Port for the phones (0 = any free one)")->check(CLI::Range(0, 65535));
    cmd->add_option("--data", o->data, "Results database file or folder (default $FRONTLINE_DATA, else ~/.local/share/frontline/results.db)");
    CLI::App* root = &app;
    cmd->callback([o, root, teams, &action] {
        o->teams_given = teams->count() > 0;
        action = [o, root](Io& io) { return open_workshop(*o, *root, io); };
    });
}

}  // namespace frontline::cli
