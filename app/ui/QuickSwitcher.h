#pragma once
//! Ctrl+K: type a few letters of a channel, server, DM or friend, on any host; Enter goes there.

#include "shared/Types.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;

namespace kith::app {

class QuickSwitcher : public QDialog
{
    Q_OBJECT
public:
    struct Target {
        enum class Kind { Guild, Channel, Dm, Friend };
        Kind kind = Kind::Channel;
        Id guildId = 0;
        Id channelId = 0; //!< 0: the guild itself; a DM's channel for Dm
        QString channel;  //!< the channel's or the DM's name, or the friend's
        QString guild;    //!< the guild's name (empty for DMs and friends)
        QString hostId;   //!< which host; empty: the one on screen
        QString hostName; //!< shown when the app is on several hosts
        Id userId = 0;    //!< Friend: whom to message
    };
    QuickSwitcher(const QList<Target> &targets, QWidget *parent = nullptr);

    //! Subsequence match score of `query` in `text`; < 0 when it does not match. Contiguous
    //! runs and word starts score higher, so "gen" finds #general before #engineering.
    static int score(const QString &query, const QString &text);

    QLineEdit *field() const { return m_field; }
    QListWidget *list() const { return m_list; }

signals:
    void chosen(const kith::app::QuickSwitcher::Target &target);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void accept() override;

    QList<Target> m_targets;
    QLineEdit *m_field;
    QListWidget *m_list;
    QLabel *m_empty;
};

} // namespace kith::app
