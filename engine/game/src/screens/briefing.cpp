// Briefing: who is on the line and why, as the trainee would learn it at the
// counter. The needs stay hidden until the debrief: finding them is the job.
// The mode and the start button sit above the story so that no window size or
// UI scale can push them off screen; the story scrolls instead.
#include "portrait.hpp"
#include "screens.hpp"
#include "theme.hpp"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace frontline::game {

namespace {

/// Keeps a row of buttons inside the window: wraps before one that would not fit.
void label(const char* text) {
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().text_dim), "%s", text);
    ImGui::PopFont();
}

}  // namespace

Intent draw_briefing(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    const Scenario& s = current_scenario(g);
    Intent out;
    heading(s.title);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", s.setting.c_str());

    // Mode and start.
    if (action_button(tr_label("Coach (C)"), g.mode == Mode::coach)) keep_first(out, intent::SetMode{Mode::coach});
    remember(ui, "coach");
    same_line_if_fits(tr("Assessment (A)"));
    if (action_button(tr_label("Assessment (A)"), g.mode == Mode::assessment))
        keep_first(out, intent::SetMode{Mode::assessment});
    remember(ui, "assessment");
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    if (ImGui::GetContentRegionAvail().x < label_width(tr("Take the call (Enter)")) + ImGui::GetFontSize())
        ImGui::NewLine();
    if (action_button(tr_label("Take the call (Enter)"), true)) keep_first(out, intent::StartCall{g.mode});
    remember(ui, "start");
    if (!g.single_scenario) {
        same_line_if_fits(tr("Back (Esc)"));
        if (action_button(tr_label("Back (Esc)"))) keep_first(out, intent::BackToLibrary{});
        remember(ui, "back");
        if (key_pressed(SDL_SCANCODE_ESCAPE)) keep_first(out, intent::BackToLibrary{});
    }
    if (author_map_allowed(g)) {  // never offered to a trainee in assessment mode
        same_line_if_fits(tr("Author map (M)"));
        if (action_button(tr_label("Author map (M)"))) keep_first(out, intent::OpenMap{});
        remember(ui, "author map");
        if (key_pressed(SDL_SCANCODE_M)) keep_first(out, intent::OpenMap{});
    }
    if (key_pressed(SDL_SCANCODE_C)) keep_first(out, intent::SetMode{Mode::coach});
    if (key_pressed(SDL_SCANCODE_A)) keep_first(out, intent::SetMode{Mode::assessment});
    if (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        keep_first(out, intent::StartCall{g.mode});
    ImGui::PushFont(fonts().small);
    text_wrapped_colored(p.text_dim, g.mode == Mode::coach
                                         ? tr("Coach: live meters for the technical need, the personal need and "
                                              "mood, and feedback after every choice.")
                                         : tr("Assessment: no meters and no feedback until the debrief, like a "
                                              "real call."));
    ImGui::PopFont();
    if (library_entry(g, g.current).untranslated) {
        // The language setting reaches this call's text only where it has a translation.
        ImGui::PushFont(fonts().small);
        text_wrapped_colored(p.warn, fmt(tr("This call has no translation into %s: it is played as written."),
                                         language_name(g.applied_language).c_str()));
        ImGui::PopFont();
    }
    ImGui::Separator();

    // Who, and the situation.
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float avail_h = ImGui::GetContentRegionAvail().y;
    const float left_w = std::clamp(avail_w * 0.3f, ImGui::GetFontSize() * 7, ImGui::GetFontSize() * 18);
    ImGui::BeginChild("who", ImVec2(left_w, 0), false, ImGuiWindowFlags_NoScrollbar);
    const float below = ImGui::GetFontSize() * 1.6f + ImGui::GetTextLineHeightWithSpacing() * 2;
    float portrait = std::clamp(avail_h - below, ImGui::GetFontSize() * 3, left_w);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (left_w - portrait) * 0.5f);
    draw_portrait(static_cast<float>(s.customer.mood), s.customer.name, s.customer.portrait, portrait);
    ui.shown_mood = -1;  // the call starts with the face at the real mood, no easing
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(s.customer.name.c_str());
    ImGui::PopFont();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(emotion_color(emotion_of(s.customer.mood))), "%s",
                       fmt(tr("Seems %s"), std::string(emotion_name(emotion_of(s.customer.mood))).c_str()).c_str());
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("situation", ImVec2(0, 0), false);
    label(tr("THE SITUATION"));
    text_wrapped_colored(p.text, s.summary);
    ImGui::Spacing();
    if (!s.customer.persona.empty()) {
        label(tr("WHO YOU ARE TALKING TO"));
        text_wrapped_colored(p.text, s.customer.persona);
        ImGui::Spacing();
    }
    if (s.patience) {
        const std::string buf = fmt(tr("%s is short on time: after %.0f seconds of silence, every second you keep them "
                                       "waiting costs mood."),
                                    s.customer.name.c_str(), s.patience->grace);
        label(tr("TIME"));
        text_wrapped_colored(p.warn, buf);
    }
    ImGui::EndChild();
    remember(ui, "situation");
    return out;
}

}  // namespace frontline::game
