// The sound plugin: QSoundEffect playing a short chime from this plugin's resources. Kept out
// of the app binary because QtMultimedia pulls in a score of audio libraries at load time.
#include "platform/SoundBackend.h"

#include <QObject>
#include <QSoundEffect>
#include <QUrl>

namespace kith::app {

class QtSoundBackend : public QObject, public SoundBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID KithSoundBackend_iid)
    Q_INTERFACES(kith::app::SoundBackend)
public:
    void playNotification(qreal volume) override
    {
        effect()->setVolume(volume);
        effect()->play(); // before it is decoded, QSoundEffect plays as soon as it is
    }

    bool isReady() const override
    {
        const_cast<QtSoundBackend *>(this)->effect();
        return m_effect->status() == QSoundEffect::Ready;
    }

private:
    QSoundEffect *effect()
    {
        if (!m_effect) {
            m_effect = new QSoundEffect(this);
            m_effect->setSource(QUrl(QStringLiteral("qrc:/kith/sounds/notify.wav")));
        }
        return m_effect;
    }

    QSoundEffect *m_effect = nullptr;
};

} // namespace kith::app

#include "QtSoundBackend.moc"
