// `frontline voice render SCENARIO -o DIR`: every customer line as a WAV file named by
// its line id, for an author or a voice actor to review; says which lines come from
// recorded voice-over files and which from the synthesiser.
#include "commands.hpp"
#include "terminal.hpp"

#include "frontline/reader.hpp"
#include "frontline/voice.hpp"

#include <cstdio>
#include <ostream>

namespace frontline::cli {

namespace {

struct VoiceRenderOptions {
    std::string scenario;
    std::string output;
};

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", s);
    return buf;
}

int run_voice_render(const VoiceRenderOptions& opts, Io& io) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(opts.scenario, ec)) {
        io.err << "frontline voice render: " << opts.scenario << ": no such file\n";
        return exit_usage;
    }
    LoadedScenario loaded = load_scenario(opts.scenario);
    print_diagnostics(io.err, loaded.diagnostics);
    if (!loaded.scenario || loaded.diagnostics.has_errors()) {
        io.err << "frontline voice render: " << opts.scenario << " has errors; fix them first\n";
        return loaded.io_error ? exit_usage : exit_errors;
    }
    const Scenario& s = *loaded.scenario;
    const std::filesystem::path out_dir = opts.output;
    std::filesystem::create_directories(out_dir, ec);
    if (ec || !std::filesystem::is_directory(out_dir, ec)) {
        io.err << "frontline voice render: cannot create the folder " << out_dir.string() << "\n";
        return exit_usage;
    }
    const std::filesystem::path recorded_dir = voice::voice_over_dir(s);
    std::string start_error;
    std::unique_ptr<voice::Synthesiser> synth;  // started only when a line needs it
    bool synth_tried = false;
    // Lines are rendered at the customer's starting mood: the one the call opens with.
    const voice::VoiceParams params = voice::voice_for_mood(s.customer.voice, s.customer.mood);
    const std::string synth_name = "espeak-ng " + params.language +
                                   (params.variant.empty() ? "" : "+" + params.variant) + ", pitch " +
                                   std::to_string(params.pitch) + ", rate " + std::to_string(params.rate);
    int written = 0, recorded = 0, failed = 0;
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        for (size_t l = 0; l < s.nodes[n].customer.size(); ++l) {
            const std::string id = voice::line_id(s, static_cast<int>(n), static_cast<int>(l));
            const std::string& text = s.nodes[n].customer[l].text;
            const std::filesystem::path file = voice::find_voice_over(recorded_dir, id);
            std::string error;
            std::optional<voice::Clip> clip;
            if (!file.empty()) {
                clip = voice::read_clip(file, error);
            } else {
                if (!synth_tried) {
                    synth = voice::make_espeak_synthesiser(start_error);
                    synth_tried = true;
                }
                if (synth) clip = synth->speak(params, text, error);
                else error = start_error;
            }
            const std::filesystem::path target = out_dir / (id + ".wav");
            if (clip) error = voice::write_wav(target, *clip);
            if (!clip || !error.empty()) {
                io.err << "frontline voice render: " << id << ": " << error << "\n";
                ++failed;
                continue;
            }
            ++written;
            recorded += !file.empty();
            io.out << target.string() << "  " << seconds_text(clip->seconds()) << "  "
                   << (file.empty() ? synth_name : "recorded: " + file.string()) << "\n";
        }
    }
    io.out << "wrote " << written << (written == 1 ? " line" : " lines") << " (" << recorded << " recorded, "
           << written - recorded << " synthesised) to " << out_dir.string() << "\n";
    return failed > 0 ? exit_errors : exit_ok;
}

}  // namespace

void add_voice_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("voice", "The customer's voice: render every line as audio for review");
    cmd->require_subcommand(1);
    auto* render = cmd->add_subcommand("render",
                                       "Write every customer line of a scenario as a WAV file named by its line id, "
                                       "from the recorded voice-over where there is one, else synthesised");
    auto opts = std::make_shared<VoiceRenderOptions>();
    render->add_option("scenario", opts->scenario, "The scenario file")->required();
    render->add_option("-o,--output", opts->output, "The folder to write the WAV files to (created if needed)")
        ->required();
    render->callback([opts, &action] { action = [opts](Io& io) { return run_voice_render(*opts, io); }; });
}

}  // namespace frontline::cli
