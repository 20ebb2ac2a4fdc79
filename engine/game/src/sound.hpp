// The game's sounds: the ring when a phone call starts, the soft cue when the
// customer's patience runs low (read from assets/sounds/), and the customer's voice
// (clips from the voice worker), played through SDL audio. Sound is a nicety: a missing file or no audio device means
// silence and one warning, never a failed start.
#pragma once

#include "game_state.hpp"

#include "frontline/voice.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace frontline::game {

/// The first `relative` file found under `dirs`, in order; "" if none has it.
std::filesystem::path find_asset(const std::vector<std::filesystem::path>& dirs, const std::filesystem::path& relative);

/// The file each cue plays, relative to an assets folder.
std::filesystem::path cue_file(Cue cue);

class SoundPlayer {
public:
    /// Opens the default audio device and loads every cue's WAV from `asset_dirs`.
    /// nullptr (and a warning) when no cue could be loaded or no device opened.
    static std::unique_ptr<SoundPlayer> open(const std::vector<std::filesystem::path>& asset_dirs,
                                             std::vector<std::string>& warnings);
    ~SoundPlayer();
    SoundPlayer(const SoundPlayer&) = delete;
    SoundPlayer& operator=(const SoundPlayer&) = delete;

    /// Plays `cue` at `volume_percent` (0 = muted: nothing is queued), cutting off
    /// whatever was still playing: cues are short and the newest is the news.
    void play(Cue cue, int volume_percent);

    /// Plays a line of the customer's voice at `volume_percent` (0 = muted: nothing is
    /// queued). It follows a cue still playing (the ring) and cuts off an earlier line.
    void play_voice(const voice::Clip& clip, int volume_percent);

    /// Cues queued to the device so far (tests, with SDL's dummy audio driver).
    int played() const { return played_; }
    /// Voice lines queued to the device so far.
    int voiced() const { return voiced_; }
    /// Bytes queued by the last voice line, in the device's format.
    const std::vector<uint8_t>& last_voice() const { return voice_mix_; }
    /// The device's samples a second and channels (to turn bytes into seconds).
    int device_rate() const { return freq_; }
    int device_channels() const { return channels_; }
    /// Bytes queued to the device by the last play (tests: the volume reaches the mix).
    const std::vector<uint8_t>& last_mix() const { return mix_; }

private:
    SoundPlayer() = default;
    struct Clip {
        std::vector<uint8_t> samples;  ///< in the device's format
    };
    uint32_t device_ = 0;
    uint16_t format_ = 0;
    int freq_ = 0;
    int channels_ = 0;
    bool voice_queued_last_ = false;  ///< a new line cuts the last one off, never a cue
    std::vector<uint8_t> voice_mix_;
    int voiced_ = 0;
    std::vector<Clip> clips_;  ///< indexed by Cue
    std::vector<uint8_t> mix_;
    int played_ = 0;
};

}  // namespace frontline::game
