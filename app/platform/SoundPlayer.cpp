#include "SoundPlayer.h"

#include "Plugins.h"
#include "SoundBackend.h"

namespace kith::app {

SoundPlayer::SoundPlayer(QStringList extraDirs) : m_extraDirs(std::move(extraDirs)) {}

SoundPlayer::~SoundPlayer()
{
    // The backend (its QSoundEffect) goes now, while QtMultimedia is alive. Left to Qt's clean-up
    // at exit, it was deleted after QtMultimedia's globals, and the process crashed or hung there.
    if (m_loader)
        m_loader->unload();
}

QStringList SoundPlayer::searchDirs() const
{
    return plugins::searchDirs(m_extraDirs);
}

SoundBackend *SoundPlayer::backend()
{
    if (m_tried)
        return m_backend;
    m_tried = true;
    m_backend = plugins::load<SoundBackend>(QStringLiteral("kith_sound"), &m_loader, &m_error, m_extraDirs);
    return m_backend;
}

bool SoundPlayer::playNotification(qreal volume)
{
    SoundBackend *b = backend();
    if (!b)
        return false;
    b->playNotification(volume);
    return true;
}

} // namespace kith::app
