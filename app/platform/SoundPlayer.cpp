#include "SoundPlayer.h"

#include "SoundBackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>

#ifndef KITH_SOUND_PLUGIN_DIR // set by app/platform/CMakeLists.txt from the install layout
#define KITH_SOUND_PLUGIN_DIR "../lib/kith"
#endif

namespace kith::app {

SoundPlayer::SoundPlayer(QStringList extraDirs) : m_extraDirs(std::move(extraDirs)) {}

SoundPlayer::~SoundPlayer() = default;

QStringList SoundPlayer::searchDirs() const
{
    // Beside the executable first (the build tree, Windows), then where the install put it.
    const QString app = QCoreApplication::applicationDirPath();
    QStringList dirs =
        m_extraDirs + QStringList{app, QDir::cleanPath(app + QStringLiteral("/" KITH_SOUND_PLUGIN_DIR))};
    dirs.removeDuplicates();
    return dirs;
}

SoundBackend *SoundPlayer::backend()
{
    if (m_tried)
        return m_backend;
    m_tried = true;
    for (const QString &dir : searchDirs()) {
        const QDir d(dir);
        for (const QString &name : d.entryList({QStringLiteral("*kith_sound*")}, QDir::Files)) {
            if (!QLibrary::isLibrary(name))
                continue;
            auto loader = std::make_unique<QPluginLoader>(d.filePath(name));
            if (auto *b = qobject_cast<SoundBackend *>(loader->instance())) {
                m_loader = std::move(loader);
                m_backend = b;
                return m_backend;
            }
            m_error = loader->errorString();
        }
    }
    if (m_error.isEmpty())
        m_error = QStringLiteral("no sound plugin in %1").arg(searchDirs().join(QStringLiteral(", ")));
    return nullptr;
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
