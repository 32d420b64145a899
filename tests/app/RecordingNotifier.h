#pragma once
// A Notifier that remembers what the app asked it to show, play and count.

#include "platform/Notifier.h"

#include <QList>
#include <QString>

class RecordingNotifier : public kith::app::Notifier
{
public:
    struct Shown {
        QString title;
        QString body;
        quint64 channel;
    };
    void notify(const QString &title, const QString &body, quint64 channelId) override
    {
        shown.append({title, body, channelId});
    }
    void playSound() override { ++sounds; }
    void setUnreadCount(int count) override { badge = count; }
    QList<Shown> shown;
    int sounds = 0;
    int badge = -1;
};
