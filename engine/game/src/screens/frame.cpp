// The frame around every screen: one borderless full-window panel, a top bar
// with where you are and the settings button, and any notices.
#include "screens.hpp"
#include "theme.hpp"

#include <imgui_internal.h>

#include <SDL_scancode.h>

#include <algorithm>

namespace frontline::game {

namespace {

const char* screen_title(Screen s) {
    switch (s) {
        case Screen::library: return tr("Library");
        case Screen::briefing: return tr("Briefing");
        case Screen::call: return tr("The call");
        case Screen::debrief: return tr("Debrief");
        case Screen::settings: return tr("Settings");
        case Screen::diagnostics: return tr("Problems loading a scenario");
        case Screen::progress: return tr("Progress");
        case Screen::workshop_setup: return tr("Workshop: set up");
        case Screen::workshop: return tr("Workshop");
        case Screen::workshop_summary: return tr("Workshop: scoreboard and summary");
        case Screen::author_map: return tr("Author map");
    }
    return "";
}

/// Hot reload's broken save, drawn over whatever screen is up: the author fixes
/// the file while the last good version stays playable underneath.
void draw_reload_overlay(const GameState& g, UiState& ui) {
    if (g.reload_diagnostics.items().empty()) return;
    const Palette& p = palette();
    const ImGuiIO& io = ImGui::GetIO();
    const float margin = ImGui::GetFontSize();
    // Over the left column (the portrait and meters), never over the customer's line or
    // the answers, and click-through: the call underneath must stay playable.
    ImGui::SetNextWindowPos(ImVec2(margin * 0.5f, margin * 3.5f), ImGuiCond_Always, ImVec2(0, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(io.DisplaySize.x * 0.3f, 0),
                                        ImVec2(io.DisplaySize.x * 0.3f, io.DisplaySize.y * 0.85f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(p.panel));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(p.bad));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::Begin("##reload", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoInputs);
    text_wrapped_colored(p.bad, tr("The saved file does not load; still playing the last good version."));
    remember(ui, "reload diagnostics");
    // No scrolling without inputs: the first few, then a count (`frontline check` lists all).
    constexpr int shown = 6;
    int n = 0;
    for (const Diagnostic& d : g.reload_diagnostics.items()) {
        if (n == shown) break;
        text_wrapped_colored(d.severity == Severity::error ? p.bad : p.warn, format_diagnostic(d));
        remember(ui, "reload diagnostic " + std::to_string(++n));
    }
    const int more = static_cast<int>(g.reload_diagnostics.items().size()) - n;
    if (more > 0)
        text_wrapped_colored(p.text_dim,
                             fmt(tr_n("and %d more", "and %d more", static_cast<unsigned long>(more)), more));
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

}  // namespace

/// Screens about the open scenario, whose title the top bar names.
static bool shows_scenario_title(Screen screen) {
    switch (screen) {
    case Screen::briefing:
    case Screen::call:
    case Screen::debrief:
    case Screen::diagnostics:
    case Screen::author_map: return true;
    case Screen::library:
    case Screen::settings:
    case Screen::progress:
    case Screen::workshop_setup:
    case Screen::workshop:
    case Screen::workshop_summary: return false;
    }
    return false;
}

Intent draw_game(const GameState& g, UiState& ui) {
    ui.widgets.clear();
    ui.animating = false;
    begin_focus_ring(static_cast<int>(g.screen));
    const ImGuiIO& io = ImGui::GetIO();
    const Palette& p = palette();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##frontline", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                     ImGuiWindowFlags_NoBackground |  // SDL_RenderClear paints it, far cheaper in software
                     ImGuiWindowFlags_NoScrollWithMouse);
    // ImGui's log to a buffer: what the trainee reads, for tests. It has to start inside
    // the window, since ending a top-level window stops the log. 0: it opens no tree node.
    if (ui.text_capture) ImGui::LogToBuffer(0);
    Intent out;

    // Top bar.
    ImGui::PushFont(fonts().heading);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.accent), "Frontline");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    std::string where = screen_title(g.screen);
    if (in_playtest(g) && (g.screen == Screen::call || g.screen == Screen::debrief)) where += tr(" (playtest)");
    if (g.current >= 0 && shows_scenario_title(g.screen)) {
        std::string full = where + "  \xE2\x80\xA2  " + library_entry(g, g.current).display_title();
        // Room left of the buttons on the right; at 200 % on a small window the title goes.
        float buttons = label_width(tr("Settings (F2)")) + label_width(tr("Leave the call")) + ImGui::GetFontSize() * 3;
        if (ImGui::CalcTextSize(full.c_str()).x < ImGui::GetContentRegionAvail().x - buttons) where = full;
    }
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", where.c_str());
    if (g.screen != Screen::settings) {
        const std::string label = tr_label("Settings (F2)");
        float w = label_width(label) + ImGui::GetStyle().FramePadding.x * 2;
        if (g.screen == Screen::call) {
            // Leaving is a global action, kept where it never scrolls away.
            const std::string leave = tr_label("Leave the call");
            float lw = label_width(leave) + ImGui::GetStyle().FramePadding.x * 2;
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w - lw - ImGui::GetStyle().ItemSpacing.x);
            if (action_button(leave)) keep_first(out, intent::BackToLibrary{});
            remember(ui, "leave");
        }
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
        if (action_button(label)) keep_first(out, intent::OpenSettings{});
        remember(ui, "settings");
        // F2 even while a text field has the keyboard: it types nothing there.
        if (ImGui::IsKeyPressed(SDL_SCANCODE_F2, false)) keep_first(out, intent::OpenSettings{});
    }
    ImGui::Separator();

    // Global keys: F11 fullscreen, Ctrl+Plus / Ctrl+Minus UI scale.
    Settings s = g.settings;
    if (key_pressed(SDL_SCANCODE_F11)) s.fullscreen = !s.fullscreen;
    if (io.KeyCtrl && (key_pressed(SDL_SCANCODE_EQUALS) || key_pressed(SDL_SCANCODE_KP_PLUS)))
        s.ui_scale_percent = std::min(max_ui_scale_percent, s.ui_scale_percent + 25);
    if (io.KeyCtrl && (key_pressed(SDL_SCANCODE_MINUS) || key_pressed(SDL_SCANCODE_KP_MINUS)))
        s.ui_scale_percent = std::max(min_ui_scale_percent, s.ui_scale_percent - 25);
    if (s != g.settings) keep_first(out, intent::ChangeSettings{s});

    for (const std::string& n : g.notices) text_wrapped_colored(p.warn, fmt(tr("Note: %s"), n.c_str()));
    if (!g.results.off_reason.empty()) {
        // Said on every screen: a trainer must know nothing is being kept.
        text_wrapped_colored(p.bad, fmt(tr("Results off: %s"), g.results.off_reason.c_str()));
        remember(ui, "results off");
    }

    Intent screen;
    switch (g.screen) {
    case Screen::library: screen = draw_library(g, ui); break;
    case Screen::briefing: screen = draw_briefing(g, ui); break;
    case Screen::call: screen = draw_call(g, ui); break;
    case Screen::debrief: screen = draw_debrief(g, ui); break;
    case Screen::settings: screen = draw_settings(g, ui); break;
    case Screen::diagnostics: screen = draw_diagnostics(g, ui); break;
    case Screen::progress: screen = draw_progress(g, ui); break;
    case Screen::workshop_setup: screen = draw_workshop_setup(g, ui); break;
    case Screen::workshop: screen = draw_workshop(g, ui); break;
    case Screen::workshop_summary: screen = draw_workshop_summary(g, ui); break;
    case Screen::author_map: screen = draw_author_map(g, ui); break;
    }
    keep_first(out, std::move(screen));
    if (ui.text_capture) {
        *ui.text_capture = ImGui::GetCurrentContext()->LogBuffer.c_str();
        ImGui::LogFinish();
    }
    ImGui::End();
    draw_reload_overlay(g, ui);
    return out;
}

}  // namespace frontline::game
