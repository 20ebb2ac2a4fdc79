// The call: portrait and (coach mode) meters on the left; the conversation,
// the last choice's feedback and the choices on the right, in the order the
// runner presents them (shuffled). Keys 1-9, or the arrows and Enter, choose;
// Esc asks before leaving the call. A phone call or a desk shows
// speech; a chat shows messages arriving one by one, with a typing indicator.
//
// Sections: left column (portrait, meters, patience) / conversation / chat / choices.
#include "portrait.hpp"
#include "screens.hpp"
#include "theme.hpp"

#include <SDL_scancode.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace frontline::game {

namespace {

void draw_patience(const GameState& g, const Scenario& s) {
    const Palette& p = palette();
    const double grace = std::max(1.0, s.patience->grace);
    const double silence = g.call->runner.silence();
    // Calm by design: a bar that empties over the grace period, then a quiet
    // line of text. No flashing, no countdown numbers to panic over.
    double left = std::clamp(1.0 - silence / grace, 0.0, 1.0);
    const char* words = left > 0.5 ? tr("Take your time")
                        : left > 0 ? tr("They are waiting")
                                   : tr("Silence is costing mood");
    meter(tr("Patience"), left * 100, left > 0 ? p.accent : p.warn, words);
}

void draw_left_column(const GameState& g, UiState& ui, float width) {
    const Palette& p = palette();
    const Scenario& s = current_scenario(g);
    const CallState& st = g.call->runner.state();
    const float dt = ImGui::GetIO().DeltaTime;
    // Ease the face toward the new mood, unless motion is reduced.
    if (ui.shown_mood < 0 || g.settings.reduced_motion) ui.shown_mood = static_cast<float>(st.mood);
    float diff = static_cast<float>(st.mood) - ui.shown_mood;
    ui.shown_mood += diff * std::min(1.0f, dt * 5.0f);
    if (std::fabs(static_cast<float>(st.mood) - ui.shown_mood) > 0.5f) ui.animating = true;
    else ui.shown_mood = static_cast<float>(st.mood);

    // The portrait gets what the name, meters and button leave, within reason.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float meter_h = fonts().small->FontSize + ImGui::GetFontSize() * 0.5f + ImGui::GetStyle().ItemSpacing.y * 2;
    int meters = (g.mode == Mode::coach ? 3 : 0) + (s.patience ? 1 : 0);
    float below = fonts().heading->FontSize + fonts().small->FontSize + line * 2 + meter_h * static_cast<float>(meters);
    float portrait = std::clamp(ImGui::GetContentRegionAvail().y - below, ImGui::GetFontSize() * 3, width);
    ImGui::PushFont(fonts().small);
    static constexpr std::array channel_labels = {tr_mark("ON THE PHONE"), tr_mark("AT THE DESK"), tr_mark("WEB CHAT")};
    static_assert(channel_labels.size() == channel_count);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s",
                       tr(channel_labels[static_cast<size_t>(s.channel)]));
    ImGui::PopFont();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - portrait) * 0.5f);
    draw_portrait(ui.shown_mood, s.customer.name, s.customer.portrait, portrait);
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(s.customer.name.c_str());
    ImGui::PopFont();
    Emotion e = emotion_of(st.mood);
    std::string emotion(emotion_name(e));
    // The emotion beside the name when it fits: one line saved for the meters.
    if (ImGui::CalcTextSize(emotion.c_str()).x + ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x * 2 < width) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fonts().heading->FontSize - ImGui::GetFontSize());
    }
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(emotion_color(e)), "%s", emotion.c_str());
    if (g.mode == Mode::coach) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0f%%", technical_percent_now(g));
        meter(tr("Technical need"), technical_percent_now(g), p.technical, buf);
        std::snprintf(buf, sizeof buf, "%.0f%%", personal_percent_now(g));
        meter(tr("Personal need"), personal_percent_now(g), p.personal, buf);
        std::snprintf(buf, sizeof buf, "%d / 100", st.mood);
        meter(tr("Mood"), st.mood, emotion_color(e), buf);
        remember(ui, "meters");
    }
    if (s.patience) {
        draw_patience(g, s);
        remember(ui, "patience");
    }
}

/// Seconds between a chat's messages arriving (the customer is typing meanwhile).
constexpr double chat_message_seconds = 0.7;

/// A chat customer line as separate messages, one per line of the text.
std::vector<std::string_view> chat_messages(std::string_view text) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i <= text.size()) {
        size_t end = text.find('\n', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(i, end - i);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        if (!line.empty()) out.push_back(line);
        i = end + 1;
    }
    return out;
}

/// One bubble: the speaker's name over the text, left (customer) or right (you).
void bubble(ImDrawList* dl, std::string_view speaker, std::string_view text, bool you, float width) {
    const Palette& p = palette();
    const float indent = you ? width * 0.18f : 0.0f;
    const float bubble_w = width * 0.82f;
    const float pad = ImGui::GetStyle().FramePadding.x;
    // Text on channel 1, its background on channel 0 once the size is known.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent + pad);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, pad * 0.25f));
    if (!speaker.empty()) {
        ImGui::PushFont(fonts().small);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(you ? p.accent : p.text_dim), "%.*s", static_cast<int>(speaker.size()),
                           speaker.data());
        ImGui::PopFont();
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + bubble_w - pad * 2);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, pad * 0.25f));
    ImGui::EndGroup();
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(ImVec2(a.x - pad, a.y), ImVec2(std::max(b.x + pad, a.x - pad + bubble_w * 0.3f), b.y),
                      you ? p.selection : p.background, ImGui::GetStyle().ChildRounding);
    dl->ChannelsMerge();
    ImGui::Spacing();
}

/// A status line in a chat, "(Chat 2 is waiting)": small, dim, centred.
void chat_status(std::string_view text, float width) {
    ImGui::PushFont(fonts().small);
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, width);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - size.x) * 0.5f));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().text_dim), "%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::Spacing();
}

/// "Dana is typing" with three dots that pulse on the clock.
void typing_indicator(std::string_view name, double now) {
    const int dots = 1 + static_cast<int>(now * 3.0) % 3;
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().text_dim), "%s%.*s",
                       fmt(tr("%s is typing"), std::string(name).c_str()).c_str(), dots, "...");
    ImGui::PopFont();
}

/// The left column folded into one strip over the call, for a window too narrow for
/// it at this scale (1280x720 at 200%): who, how they feel, and the meters as words.
void draw_compact_header(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    const Scenario& s = current_scenario(g);
    const CallState& st = g.call->runner.state();
    ui.shown_mood = static_cast<float>(st.mood);
    const Emotion e = emotion_of(st.mood);
    // One line of small text: every row here is a row the answers don't get.
    ImGui::PushFont(fonts().small);
    ImGui::TextUnformatted(s.customer.name.c_str());
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(emotion_color(e)), "%s", std::string(emotion_name(e)).c_str());
    ImGui::PopFont();
    std::string line;
    if (g.mode == Mode::coach) {
        line = fmt(tr("Technical %.0f%%  ·  Personal %.0f%%  ·  Mood %d"), technical_percent_now(g),
                   personal_percent_now(g), st.mood);
        remember(ui, "meters");
    }
    if (s.patience) {
        const double left = std::clamp(1.0 - g.call->runner.silence() / std::max(1.0, s.patience->grace), 0.0, 1.0);
        line += std::string(line.empty() ? "" : "  \xC2\xB7  ") + (left > 0.5 ? tr("Take your time")
                                                                   : left > 0 ? tr("They are waiting")
                                                                              : tr("Silence is costing mood"));
        remember(ui, "patience");
    }
    if (!line.empty()) {
        ImGui::PushFont(fonts().small);
        ImGui::SameLine();
        text_wrapped_colored(p.text_dim, "\xC2\xB7  " + line);
        ImGui::PopFont();
    }
}

void draw_conversation(const GameState& g, UiState& ui, float height) {
    const Palette& p = palette();
    const Scenario& s = current_scenario(g);
    const auto& transcript = g.call->runner.transcript();
    ImGui::BeginChild("conversation", ImVec2(0, height), true);
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool chat = s.channel == Channel::chat;
    bool arriving = false;  // a chat message is still on its way: keep the newest in view
    // A chat's newest customer line arrives message by message (not with reduced motion).
    if (chat && !transcript.empty() && transcript.back().kind == TranscriptEntry::Kind::customer &&
        ui.chat_arriving != transcript.size() - 1) {
        ui.chat_arriving = transcript.size() - 1;
        ui.chat_arrival_start = ui.now;
    }
    for (size_t index = 0; index < transcript.size(); ++index) {
        const TranscriptEntry& e = transcript[index];
        if (e.kind == TranscriptEntry::Kind::ending) continue;
        if (chat && (e.kind == TranscriptEntry::Kind::customer || e.kind == TranscriptEntry::Kind::choice)) {
            const bool you = e.kind == TranscriptEntry::Kind::choice;
            const auto messages = chat_messages(e.text);
            size_t shown = messages.size();
            if (index == ui.chat_arriving && !g.settings.reduced_motion) {
                const double elapsed = ui.now - ui.chat_arrival_start;
                shown = std::min(messages.size(), static_cast<size_t>(std::max(0.0, elapsed / chat_message_seconds)));
            }
            for (size_t m = 0; m < shown; ++m) {
                const std::string_view text = messages[m];
                if (text.size() >= 2 && text.front() == '(' && text.back() == ')') chat_status(text, width);
                else
                    bubble(dl, m == 0 || you ? std::string_view(you ? tr("You") : s.customer.name) : std::string_view{},
                           text, you, width);
            }
            if (shown < messages.size()) {
                typing_indicator(s.customer.name, ui.now);
                arriving = true;
                ui.animating = true;  // keep drawing until the last message is in
            }
            continue;
        }
        const bool you = e.kind == TranscriptEntry::Kind::choice;
        const bool aside = e.kind == TranscriptEntry::Kind::dead_air || e.kind == TranscriptEntry::Kind::walkout;
        if (aside) {
            std::string buf;
            if (e.kind == TranscriptEntry::Kind::walkout)
                buf = fmt(tr("%s has had enough and leaves."), s.customer.name.c_str());
            else if (g.mode == Mode::coach && e.mood)
                buf = fmt(tr("(%.0f seconds of silence, mood %s)"), e.seconds, signed_number(e.mood).c_str());
            else buf = fmt(tr("(%.0f seconds of silence)"), e.seconds);
            ImGui::PushFont(fonts().small);
            text_wrapped_colored(p.text_dim, e.text.empty() || e.kind == TranscriptEntry::Kind::dead_air ? buf : e.text);
            ImGui::PopFont();
            continue;
        }
        bubble(dl, you ? tr("You") : s.customer.name, e.text, you, width);
    }
    if (transcript.size() != ui.transcript_seen || arriving) {
        ImGui::SetScrollHereY(1.0f);
        ui.transcript_seen = transcript.size();
    }
    ImGui::EndChild();
}

std::string effects_line(int technical, int personal, int mood) {
    return fmt(tr("Technical %s   ·   Personal %s   ·   Mood %s"), signed_number(technical).c_str(),
               signed_number(personal).c_str(), signed_number(mood).c_str());
}

}  // namespace

Intent draw_call(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    if (!g.call) return out;
    const Node* node = g.call->runner.node();
    const float avail_w = ImGui::GetContentRegionAvail().x;
    // Too narrow for a portrait column at this scale: fold it into a strip on top, so
    // the answers get the whole width (and every one of them fits on screen).
    const bool compact = avail_w < ImGui::GetFontSize() * 55;
    if (compact) {
        draw_compact_header(g, ui);
    } else {
        const float left_w = std::clamp(avail_w * 0.27f, ImGui::GetFontSize() * 9, ImGui::GetFontSize() * 16);
        ImGui::BeginChild("left", ImVec2(left_w, 0), false);
        draw_left_column(g, ui, left_w);
        ImGui::EndChild();
        ImGui::SameLine();
    }

    ImGui::BeginChild("right", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    // Compact: tighter answer buttons (measured and drawn alike), still large targets.
    if (compact) {
        const ImGuiStyle& style = ImGui::GetStyle();
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, style.FramePadding.y * 0.4f));
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, style.ItemSpacing.y * 0.5f));
    }
    const float w = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    // Shuffled (unless the scenario or options say otherwise): position gives nothing away.
    std::vector<int> visible = g.call->runner.presented();

    // Measure the bottom part first so the conversation takes what is left.
    const TranscriptEntry* fb = g.mode == Mode::coach ? g.call->runner.last_choice() : nullptr;
    float feedback_h = 0;
    if (fb) {
        ImVec2 sz = ImGui::CalcTextSize(fb->feedback.c_str(), nullptr, false, w - ImGui::GetStyle().WindowPadding.x * 2);
        feedback_h = sz.y + ImGui::GetTextLineHeightWithSpacing() * 1.2f + ImGui::GetStyle().WindowPadding.y * 2;
    }
    // Compact: no "what do you say" line, and the conversation keeps three lines (it
    // scrolls to the newest), so every answer fits a 720-pixel window at 200%.
    float choices_h = compact ? 0.0f : ImGui::GetTextLineHeightWithSpacing();
    for (int c : visible)
        choices_h += wrapped_button_height(node->choice(c).say, w - ImGui::GetStyle().ScrollbarSize, true) + spacing;
    const float total = ImGui::GetContentRegionAvail().y;
    const float min_conv = ImGui::GetTextLineHeightWithSpacing() * (compact ? 3.0f : 4.0f);
    // On a small window at 200 % the choices scroll rather than crush the conversation.
    choices_h = std::min(choices_h, std::max(total - feedback_h - min_conv, total * 0.4f));
    // Compact gives the answers everything but the conversation's three lines.
    float conv_h = compact ? min_conv : std::max(min_conv, total - feedback_h - choices_h - spacing * 2);
    draw_conversation(g, ui, conv_h);

    if (fb) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(p.selection));
        ImGui::BeginChild("feedback", ImVec2(0, feedback_h), true, ImGuiWindowFlags_NoScrollbar);
        ImGui::PushFont(fonts().small);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.accent), "%s  \xE2\x80\x94  %s", tr("COACH"),
                           effects_line(fb->technical, fb->personal, fb->mood).c_str());
        ImGui::PopFont();
        text_wrapped_colored(
            p.text, fb->feedback.empty() ? std::string(tr("(no feedback written for this choice)")) : fb->feedback);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        remember(ui, "feedback");
    }

    // Answers drawn for the first time this frame don't take input yet (see answers_ready).
    const size_t turn = g.call->runner.transcript().size();
    if (ui.answers_turn != turn) {  // a new turn: no answer picked by the arrows, nothing to confirm
        ui.answer_cursor = -1;
        ui.confirm_leave = false;
    }
    const bool ready = answers_ready(ui, turn) && !ui.confirm_leave;
    if (ui.confirm_leave) {
        // Esc asked to leave: say what leaving does, and make staying as easy as going.
        text_wrapped_colored(p.warn, tr("Leave this call? What you have said so far is kept as unfinished; you can "
                                        "resume it from the library."));
        if (action_button(tr_label("Leave (Enter)"), true) || key_pressed(SDL_SCANCODE_RETURN) ||
            key_pressed(SDL_SCANCODE_KP_ENTER))
            keep_first(out, intent::BackToLibrary{});
        remember(ui, "confirm leave");
        ImGui::SameLine();
        if (action_button(tr_label("Stay (Esc)")) || key_pressed(SDL_SCANCODE_ESCAPE)) ui.confirm_leave = false;
        remember(ui, "stay");
    } else if (key_pressed(SDL_SCANCODE_ESCAPE)) {
        ui.confirm_leave = true;
    }
    // Arrows move a highlight over the answers; Enter says the highlighted one.
    const int answers = static_cast<int>(visible.size());
    const int cursor_before = ui.answer_cursor;
    if (ready && key_pressed(SDL_SCANCODE_DOWN)) ui.answer_cursor = std::min(answers - 1, ui.answer_cursor + 1);
    if (ready && key_pressed(SDL_SCANCODE_UP)) ui.answer_cursor = std::max(0, ui.answer_cursor < 0 ? 0 : ui.answer_cursor - 1);
    if (ready && ui.answer_cursor >= 0 && (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER)))
        keep_first(out, intent::Choose{ui.answer_cursor + 1});
    ImGui::BeginChild("choices", ImVec2(0, 0), false);
    if (!compact) {
        ImGui::PushFont(fonts().small);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), tr("WHAT DO YOU SAY?  (keys 1-%d)"),
                           std::min(9, static_cast<int>(visible.size())));
        ImGui::PopFont();
    }
    const float bw = ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < visible.size(); ++i) {
        const Choice& c = node->choices[static_cast<size_t>(visible[i])];
        std::string number = std::to_string(i + 1);
        std::string id = "choice" + number;
        const bool highlighted = static_cast<int>(i) == ui.answer_cursor;
        if (wrapped_button(id.c_str(), c.say, bw, i < 9 ? std::string_view(number) : std::string_view{}, highlighted) && ready)
            keep_first(out, intent::Choose{static_cast<int>(i) + 1});
        if (highlighted && ui.answer_cursor != cursor_before) ImGui::SetScrollHereY(0.5f);  // in view as the arrows move
        remember(ui, "choice " + number);
    }
    ImGui::EndChild();
    remember(ui, "choices");
    if (compact) ImGui::PopStyleVar(2);
    ImGui::EndChild();

    for (int k = 0; k < 9 && k < static_cast<int>(visible.size()) && ready; ++k)
        if (key_pressed(SDL_SCANCODE_1 + k) || key_pressed(SDL_SCANCODE_KP_1 + k)) keep_first(out, intent::Choose{k + 1});
    if (author_map_allowed(g) && key_pressed(SDL_SCANCODE_M)) keep_first(out, intent::OpenMap{});  // the author map
    return out;
}

}  // namespace frontline::game
