// Settings: UI scale, fullscreen, high contrast, reduced motion, sound volume. Each change
// applies at once (a trainer adjusting a projector wants to see it) and is saved.
#include "screens.hpp"
#include "theme.hpp"

#include <SDL_scancode.h>

#include <algorithm>
#include <utility>

namespace frontline::game {

Intent draw_settings(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    heading(tr("Settings"));
    // Done first: at 200% on a small screen the options scroll, the way out never does.
    ImGui::SameLine();
    if (action_button(tr_label("Done (Esc)"), true)) keep_first(out, intent::CloseSettings{});
    remember(ui, "done");
    if (key_pressed(SDL_SCANCODE_ESCAPE)) keep_first(out, intent::CloseSettings{});
    Settings s = g.settings;
    bool changed = false;
    ImGui::BeginChild("options", ImVec2(0, 0), false);

    ImGui::TextUnformatted(tr("Text and button size"));
    static constexpr int scales[] = {100, 125, 150, 175, 200};
    for (int pct : scales) {
        std::string label = std::to_string(pct) + "%";
        ImGui::SameLine();
        if (action_button(label.c_str(), s.ui_scale_percent == pct)) {
            s.ui_scale_percent = pct;
            changed = true;
        }
        remember(ui, "scale " + std::to_string(pct));
    }
    ImGui::PushFont(fonts().small);
    text_wrapped_colored(p.text_dim, tr("A projector at the back of a room usually needs 150-200%. Ctrl+Plus "
                                        "and Ctrl+Minus also change it."));
    ImGui::PopFont();
    ImGui::Spacing();
    changed |= ImGui::Checkbox(tr_label("Fullscreen (F11)").c_str(), &s.fullscreen);
    remember(ui, "fullscreen");
    changed |= ImGui::Checkbox(tr_label("High-contrast colours").c_str(), &s.high_contrast);
    remember(ui, "high contrast");
    changed |= ImGui::Checkbox(tr_label("Reduce motion (no easing of the customer's face)").c_str(), &s.reduced_motion);
    remember(ui, "reduced motion");
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Sound (the ring, the patience cue)"));
    static constexpr std::pair<int, const char*> volumes[] = {
        {0, tr_mark("Off")}, {40, tr_mark("Quiet")}, {80, tr_mark("Normal")}, {100, tr_mark("Loud")}};
    for (auto [pct, label] : volumes) {
        ImGui::SameLine();
        if (action_button(tr_label(label), s.volume_percent == pct)) {
            s.volume_percent = pct;
            changed = true;
        }
        remember(ui, std::string("volume ") + label);
    }
    if (!g.languages.empty() || !s.language.empty()) {
        // The interface's languages and those some scenario has a catalogue for; a call
        // without one is played as written (the briefing says so).
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("Language (the game and the calls)"));
        std::vector<std::string> choices = {""};
        choices.insert(choices.end(), g.languages.begin(), g.languages.end());
        if (std::find(choices.begin(), choices.end(), s.language) == choices.end()) choices.push_back(s.language);
        for (const std::string& lang : choices) {
            // Each language in its own name, so a trainee finds theirs whatever is shown now.
            const std::string label =
                (lang.empty() ? std::string("English") : language_name(lang)) + "###language " + lang;
            same_line_if_fits(label);
            if (action_button(label, s.language == lang)) {
                s.language = lang;
                changed = true;
            }
            remember(ui, "language " + (lang.empty() ? std::string("as written") : lang));
        }
    }
    ImGui::TextUnformatted(tr("The customer's voice (the words are always shown)"));
    for (auto [pct, label] : volumes) {
        ImGui::SameLine();
        ImGui::PushID("voice");
        if (action_button(tr_label(label), s.voice_volume_percent == pct)) {
            s.voice_volume_percent = pct;
            changed = true;
        }
        ImGui::PopID();
        remember(ui, std::string("voice ") + label);
    }
    ImGui::Spacing();
    changed |= ImGui::Checkbox(
        tr_label("Author tools: the map with the best path, playtests (coach mode only)").c_str(), &s.author_tools);
    remember(ui, "author tools");
    // Not a saved setting: an author turns it on for a writing session.
    bool watch = g.watch;
    if (ImGui::Checkbox(tr_label("Author: reload the scenario when its file is saved (keeps your place)").c_str(),
                        &watch))
        keep_first(out, intent::SetWatch{watch});
    remember(ui, "watch");
    ImGui::EndChild();
    if (changed) keep_first(out, intent::ChangeSettings{s});
    return out;
}

Intent draw_diagnostics(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    if (g.current < 0) return out;
    const LibraryEntry& e = library_entry(g, g.current);
    heading(tr("This scenario could not be loaded"));
    text_wrapped_colored(p.text_dim, e.path.string());
    text_wrapped_colored(p.text, tr("Fix these in the file and start the game again. Each line is file:line:col, "
                                    "as editors understand it."));
    if (!g.single_scenario) {
        if (action_button(tr_label("Back to the library (Esc)"), true)) keep_first(out, intent::BackToLibrary{});
        remember(ui, "back");
        if (key_pressed(SDL_SCANCODE_ESCAPE)) keep_first(out, intent::BackToLibrary{});
    } else {
        if (action_button(tr_label("Quit (Esc)"), true)) keep_first(out, intent::Quit{});
        remember(ui, "quit");
        if (key_pressed(SDL_SCANCODE_ESCAPE)) keep_first(out, intent::Quit{});
    }
    ImGui::BeginChild("diagnostics", ImVec2(0, 0), true);
    if (e.loaded.diagnostics.items().empty())
        text_wrapped_colored(p.bad, e.loaded.io_error ? tr("The file could not be read.") : tr("Unknown problem."));
    for (const Diagnostic& d : e.loaded.diagnostics.items())
        text_wrapped_colored(d.severity == Severity::error ? p.bad : p.warn, format_diagnostic(d));
    ImGui::EndChild();
    remember(ui, "diagnostics");
    return out;
}

}  // namespace frontline::game
