// `frontline play FILE`: a call in the terminal, scripted with --choices, or
// handed to the game with --gui. The same Runner and scoring as the game.
#include "commands.hpp"
#include "terminal.hpp"
#include "results_recording.hpp"
#include "transcript_json.hpp"

#include "frontline/reader.hpp"
#include "frontline/scoring.hpp"
#include "frontline/translation.hpp"

#ifdef FRONTLINE_HAS_GAME
#include "frontline/game.hpp"
#endif

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <istream>
#include <optional>
#include <ostream>

namespace frontline::cli {

namespace {

struct PlayOptions {
    std::string file;
    std::string language;  ///< --lang: "" plays the scenario as written
    std::string choices;
    std::optional<uint64_t> seed;  ///< --seed: the shuffled order to show
    bool no_shuffle = false;       ///< --no-shuffle: the author's order
    bool no_feedback = false;
    bool json = false;
    bool gui = false;
    bool assessment = false;
    bool watch = false;   ///< with --gui: hot reload on save
    std::string trainee;  ///< record to the results store under this name (or $FRONTLINE_TRAINEE)
    bool no_record = false;
    std::string data;     ///< --data on the subcommand
    std::filesystem::path results_file;  ///< resolved when the command runs
};

/// Where an abandoned call's choices went, for the message that says so.
std::string kept_note(const std::optional<TerminalRecorder>& recorder) {
    if (!recorder || !recorder->attempt()) return "nothing was recorded";
    return "the choices so far are kept as unfinished attempt " + std::to_string(*recorder->attempt()) +
           " (resume it in the game, or: frontline results discard " + std::to_string(*recorder->attempt()) + ")";
}

/// One scripted step: a number in the author's order, or the start of a choice's words.
struct ScriptStep {
    int number = 0;      ///< 1-based among the visible choices in the author's order; 0 when `prefix` is used
    std::string prefix;  ///< a unique prefix of a visible choice's `say`
};

/// "1,Let me look,2" -> steps; empty optional (with a message) on anything else.
std::optional<std::vector<ScriptStep>> parse_choice_list(const std::string& text, std::ostream& err) {
    std::vector<ScriptStep> out;
    size_t i = 0;
    while (i <= text.size()) {
        size_t end = text.find(',', i);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(i, end - i);
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        const bool digits = !item.empty() && item.find_first_not_of("0123456789") == std::string::npos;
        if (item.empty() || (digits && (item.size() > 3 || std::stoi(item) < 1))) {
            err << "frontline play: --choices takes choice numbers (in the author's order) or the first words of a "
                   "choice, separated by commas, like 1,3,\"Let me look\"; '"
                << item.substr(0, 20) << "' is not a choice\n";
            return std::nullopt;
        }
        out.push_back(digits ? ScriptStep{std::stoi(item), {}} : ScriptStep{0, item});
        i = end + 1;
    }
    return out;
}

/// The choice (node index) a scripted step names, or -1 with a message.
int scripted_choice(const Runner& run, const ScriptStep& step, size_t turn, std::ostream& err) {
    const auto visible = run.choices();
    const Node& node = *run.node();
    if (step.prefix.empty()) {
        if (step.number <= static_cast<int>(visible.size())) return visible[static_cast<size_t>(step.number - 1)];
        err << "frontline play: choice " << step.number << " at turn " << turn + 1 << " does not exist: there "
            << (visible.size() == 1 ? "is 1 choice" : "are " + std::to_string(visible.size()) + " choices") << " at node '"
            << node.id << "'\n";
        return -1;
    }
    int found = -1, matches = 0;
    for (int c : visible)
        if (node.choice(c).say.starts_with(step.prefix)) found = c, ++matches;
    if (matches == 1) return found;
    err << "frontline play: at turn " << turn + 1 << " (node '" << node.id << "') "
        << (matches == 0 ? "no visible choice starts with '" : "more than one visible choice starts with '")
        << step.prefix.substr(0, 40) << "'\n";
    return -1;
}

void show_turn(std::ostream& out, const Runner& run) {
    const Scenario& s = run.scenario();
    const size_t width = terminal_width();
    const TranscriptEntry& last = run.transcript().back();
    out << '\n' << wrap(s.customer.name + ": \"" + last.text + "\"", width, std::string(s.customer.name.size() + 2, ' ')) << "\n\n";
    int n = 1;
    for (int c : run.presented()) {
        out << wrap("  " + std::to_string(n++) + ") " + run.node()->choice(c).say, width, "     ") << '\n';
    }
}

void show_feedback(std::ostream& out, const TranscriptEntry& e) {
    out << "   technical " << signed_number(e.technical) << " | personal " << signed_number(e.personal) << " | mood "
        << signed_number(e.mood) << " -> " << e.mood_after << '\n';
    if (!e.feedback.empty()) out << wrap("   Coach: " + e.feedback, terminal_width(), "          ") << '\n';
}

int play(const PlayOptions& o, Io& io) {
    LoadedScenario loaded = load_scenario(o.file);
    print_diagnostics(io.err, loaded.diagnostics);
    if (loaded.io_error) return exit_usage;
    if (!loaded.scenario) return exit_errors;
    if (!o.language.empty()) {
        // A missing or stale translation falls back to the English text, with a note.
        std::vector<std::string> errors;
        bool found = false;
        auto catalogue = load_scenario_catalogue(o.file, loaded.scenario->id, o.language, errors, &found);
        for (const auto& e : errors) io.err << e << '\n';
        if (!catalogue) return exit_usage;
        if (!found)
            io.err << "frontline play: no '" << o.language << "' translation ("
                   << scenario_translation_path(o.file, loaded.scenario->id, o.language).string()
                   << "); playing in the original language\n";
        auto left = translate_scenario(*loaded.scenario, *catalogue);
        if (found && !left.empty())
            io.err << "frontline play: " << left.size() << (left.size() == 1 ? " text is" : " texts are")
                   << " not translated into '" << o.language << "' and shown in the original (frontline lint --lang "
                   << o.language << " lists them)\n";
    }
    const Scenario& s = *loaded.scenario;

    std::vector<ScriptStep> script;
    if (!o.choices.empty()) {
        auto parsed = parse_choice_list(o.choices, io.err);
        if (!parsed) return exit_usage;
        script = *parsed;
    }
    // In --json mode stdout carries only the JSON; the conversation goes to stderr.
    std::ostream& out = o.json ? io.err : io.out;
    const bool talk = !o.json || io.interactive;
    const bool feedback = !o.no_feedback;

    if (talk) {
        out << "== " << s.title << " ==\n";
        if (!s.setting.empty()) out << s.setting << '\n';
        out << wrap(s.summary, terminal_width()) << '\n';
        out << wrap("Customer: " + s.customer.name + (s.customer.persona.empty() ? "" : ". " + s.customer.persona), terminal_width()) << '\n';
    }

    // Each choice is saved as it is made, so a call cut short keeps what was chosen.
    std::optional<TerminalRecorder> recorder;
    if (!o.trainee.empty() && !o.no_record) {
        recorder.emplace(o.results_file, o.trainee, io.err);
    }
    // Shown shuffled, so the position of an answer never gives it away; the seed is
    // kept with the attempt so the same order can be shown again (--seed).
    const ChoiceOrder order =
        o.no_shuffle ? ChoiceOrder::authored() : ChoiceOrder::shuffled(o.seed.value_or(fresh_shuffle_seed()));
    Runner run(s, order);
    if (recorder) recorder->start(run);
    size_t step = 0;
    while (!run.finished()) {
        if (talk) show_turn(out, run);
        const auto on_screen = run.presented();
        int choice = -1;
        double seconds = 0;
        if (step < script.size()) {
            choice = scripted_choice(run, script[step], step, io.err);
            if (choice < 0) return exit_errors;
            if (talk) out << "> " << std::find(on_screen.begin(), on_screen.end(), choice) - on_screen.begin() + 1 << '\n';
        } else if (!script.empty() && !io.interactive) {
            io.err << "frontline play: the " << script.size() << " scripted choices ended before the call did (at node '"
                   << run.node()->id << "'); add more to --choices\n";
            return exit_errors;
        } else {
            auto asked = std::chrono::steady_clock::now();
            for (;;) {
                out << "> " << std::flush;
                std::string line;
                if (!std::getline(io.in, line)) {
                    io.err << "\nfrontline play: input ended before the call did; " << kept_note(recorder) << "\n";
                    return exit_errors;
                }
                while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
                if (line == "q" || line == "quit") {
                    out << "Call abandoned; " << kept_note(recorder) << ".\n";
                    return exit_ok;
                }
                bool digits = !line.empty() && line.size() <= 3 && line.find_first_not_of("0123456789") == std::string::npos;
                const int number = digits ? std::stoi(line) : 0;
                if (number >= 1 && number <= static_cast<int>(on_screen.size())) {
                    choice = on_screen[static_cast<size_t>(number - 1)];
                    break;
                }
                out << "Type a number from 1 to " << on_screen.size() << ", or q to quit.\n";
            }
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
            // Thinking time is dead air on the call: with patience set, it costs mood.
            const int mood_before = run.state().mood;
            run.wait(seconds);
            if (talk && run.state().mood < mood_before)
                out << "   (" << static_cast<int>(seconds) << " s of silence: mood " << signed_number(run.state().mood - mood_before) << ")\n";
            if (run.finished()) break;
        }
        ++step;
        run.choose(choice, seconds);
        if (recorder) recorder->choice(run);
        if (talk && feedback) show_feedback(out, *run.last_choice());
    }

    AttemptScore score = score_attempt(s, *loaded.bounds, run);
    if (recorder) {
        recorder->finish(run, score);
        if (recorder->attempt())
            (o.json ? io.err : out) << "Saved as attempt " << *recorder->attempt() << " for " << recorder->trainee() << ".\n";
    }
    if (talk) {
        if (run.state().walked_out) out << '\n' << s.customer.name << " has had enough and leaves.\n";
        print_debrief(out, s, run, score);
    }
    if (o.json) io.out << attempt_to_json(s, run, score).dump(2) << '\n';
    else if (talk && order.shuffle && script.empty())
        out << "\n(Choices were shown in shuffled order " << order.seed << "; play --seed " << order.seed
            << " shows the same order again.)\n";
    return exit_ok;
}

}  // namespace

void add_play_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("play", "Play a scenario in the terminal (or in the game with --gui)");
    auto o = std::make_shared<PlayOptions>();
    cmd->add_option("file", o->file, "Scenario file")->required();
    cmd->add_option("--choices", o->choices,
                    "Scripted path: at each turn a choice number in the author's order (whatever the shuffle) or the "
                    "first words of the choice, e.g. 1,3,\"Let me look\"");
    auto* seed = cmd->add_option("--seed", o->seed, "Show the choices in the shuffled order this seed gives (recorded with each attempt)");
    cmd->add_flag("--no-shuffle", o->no_shuffle, "Show the choices in the author's order")->excludes(seed);
    cmd->add_option("--lang", o->language, "Play in this language (fr, de...), from the scenario's i18n/LANG/<id>.po")
        ->check([](const std::string& l) {
            return valid_language_code(l) ? std::string() : "not a language code like fr or pt_BR: " + l;
        });
    cmd->add_flag("--no-feedback", o->no_feedback, "Hold the coach's feedback until the debrief");
    cmd->add_flag("--json", o->json, "Write the transcript and scores as JSON to stdout");
    cmd->add_flag("--gui", o->gui, "Open the scenario in the game window");
    cmd->add_flag("--assessment", o->assessment, "With --gui: assessment mode (no meters, no feedback until the debrief)");
    cmd->add_flag("--watch", o->watch, "With --gui: reload the scenario when the file is saved, keeping your place (author mode)");
    cmd->add_option("--trainee", o->trainee, "Record this call to the results store under this trainee (default $FRONTLINE_TRAINEE)");
    cmd->add_flag("--no-record", o->no_record, "Do not record this call, even with $FRONTLINE_TRAINEE set");
    cmd->add_option("--data", o->data, "Results database file or folder (default $FRONTLINE_DATA, else ~/.local/share/frontline/results.db)");
    CLI::App* root = &app;
    cmd->callback([o, root, &action] {
        action = [o, root](Io& io) {
            if (o->gui) {
#ifdef FRONTLINE_HAS_GAME
                GameOptions g;
                g.open_directly = o->file;
                g.assessment = o->assessment;
                g.watch = o->watch;
                g.choice_seed = o->seed;
                g.no_shuffle = o->no_shuffle;
                if (!o->language.empty()) g.language = o->language;
                // The game records like bare `frontline`: --data (here or global), $FRONTLINE_DATA, XDG,
                // as the trainee named here (or in $FRONTLINE_TRAINEE); --no-record plays unrecorded.
                if (!o->no_record) {
                    g.results_data = chosen_results_path(*root, o->data).string();
                    g.trainee = o->trainee;
                    if (g.trainee.empty())
                        if (const char* env_trainee = std::getenv("FRONTLINE_TRAINEE")) g.trainee = env_trainee;
                }
                return run_game(g);
#else
                io.err << "frontline play: this build has no game (configure with -DFRONTLINE_GAME=ON)\n";
                return exit_usage;
#endif
            }
            if (o->watch) {
                io.err << "frontline play: --watch needs --gui (the terminal call reads the file once)\n";
                return exit_usage;
            }
            if (o->trainee.empty())
                if (const char* env_trainee = std::getenv("FRONTLINE_TRAINEE")) o->trainee = env_trainee;
            o->results_file = chosen_results_path(*root, o->data);
            return play(*o, io);
        };
    });
}

}  // namespace frontline::cli
