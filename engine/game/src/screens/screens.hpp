// Screens are functions of (const GameState, UiState) that draw with ImGui and
// return what the trainee asked for. They never change the game themselves.
#pragma once

#include "game_state.hpp"
#include "i18n.hpp"
#include "widgets.hpp"

namespace frontline::game {

Intent draw_library(const GameState& g, UiState& ui);
Intent draw_briefing(const GameState& g, UiState& ui);
Intent draw_call(const GameState& g, UiState& ui);
Intent draw_debrief(const GameState& g, UiState& ui);
Intent draw_settings(const GameState& g, UiState& ui);
Intent draw_diagnostics(const GameState& g, UiState& ui);
Intent draw_progress(const GameState& g, UiState& ui);
Intent draw_workshop_setup(const GameState& g, UiState& ui);
Intent draw_workshop(const GameState& g, UiState& ui);
Intent draw_workshop_summary(const GameState& g, UiState& ui);
Intent draw_author_map(const GameState& g, UiState& ui);
/// The library's "who is playing" row and any unfinished calls to resume or discard.
Intent draw_trainee_bar(const GameState& g, UiState& ui);

/// The whole frame: a full-window panel, the top bar, notices, then the screen.
Intent draw_game(const GameState& g, UiState& ui);

/// Keeps the first intent a frame produced (a click and a key in the same frame).
inline void keep_first(Intent& out, Intent candidate) {
    if (std::holds_alternative<std::monostate>(out)) out = std::move(candidate);
}

}  // namespace frontline::game
