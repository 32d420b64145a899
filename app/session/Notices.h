#pragma once
//! What the chat's info banner says, one notice per topic: each kept as the function that
//! writes it, so a language switch or a new chat pane shows it again in the current language.
//! No widgets: the window shows what `shown` says.

#include <QMap>
#include <QObject>
#include <functional>

namespace kith::app {

class Notices : public QObject
{
    Q_OBJECT
public:
    using Text = std::function<QString()>;

    explicit Notices(QObject *parent = nullptr) : QObject(parent) {}

    //! Shows the notice of topic `key` (a newer one replaces it; an empty text clears it).
    void show(const QString &key, Text text);
    //! Says every kept notice again, written now (after a language switch, in a new pane).
    void replay();

signals:
    void shown(const QString &key, const QString &text);

private:
    QMap<QString, Text> m_texts;
};

} // namespace kith::app
