#include "commands.hpp"
#include "results_recording.hpp"
#include "data_dirs.hpp"

#ifdef FRONTLINE_HAS_GAME
#include "frontline/game.hpp"
#endif

#include <ostream>

namespace frontline::cli {

int run_cli(int argc, const char* const* argv, Io& io) {
    CLI::App app{"Frontline: practise customer service calls that meet both needs, what the customer came for and how they are treated.\n"
                 "With no command, opens the game on the bundled scenarios.",
                 "frontline"};
    app.set_version_flag("--version", std::string("frontline ") + FRONTLINE_VERSION);
    app.require_subcommand(0, 1);
    app.fallthrough(false);

    Action action;
    add_check_command(app, action);
    add_play_command(app, action);
    add_results_command(app, action);
    add_data_option(app);
    add_lint_command(app, action);
    add_graph_command(app, action);
    add_test_command(app, action);
    add_import_command(app, action);
    add_workshop_command(app, action);
    add_i18n_command(app, action);
#if FRONTLINE_HAS_VOICE
    add_voice_command(app, action);
#endif
    add_paths_command(app, action);
    add_package_command(app, action);
    add_scenarios_option(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        io.out << app.help();
        return exit_ok;
    } catch (const CLI::CallForAllHelp&) {
        io.out << app.help("", CLI::AppFormatMode::All);
        return exit_ok;
    } catch (const CLI::CallForVersion& e) {
        io.out << e.what() << '\n';
        return exit_ok;
    } catch (const CLI::ParseError& e) {
        io.err << "frontline: " << e.what() << "\nRun 'frontline --help' for usage.\n";
        return exit_usage;
    }
    if (action) return action(io);

#ifdef FRONTLINE_HAS_GAME
    GameOptions g;
    g.scenario_paths = chosen_scenario_library(app);
    g.asset_dirs = data_dirs().assets;
    // The game records to the store: --data, else $FRONTLINE_DATA, else the XDG data dir.
    g.results_data = "";
    if (const CLI::Option* data = app.get_option_no_throw("--data"); data && data->count() > 0)
        g.results_data = data->as<std::string>();
    return run_game(g);
#else
    io.out << app.help();
    return exit_ok;
#endif
}

}  // namespace frontline::cli
