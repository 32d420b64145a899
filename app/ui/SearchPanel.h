#pragma once
//! Search results beside the chat: how many match, then each message with its channel, author
//! and time and the searched words highlighted; more load as the list is scrolled down, and a
//! click opens the message in its channel.

#include "shared/Types.h"

#include <QStyledItemDelegate>
#include <QWidget>
#include <functional>

class QLabel;
class QListView;
class QToolButton;

namespace kith::app {

class AttachmentCache;
class ClientState;
class Connection;
class SearchModel;
class Theme;

class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    //! `where` names a message's channel: "general", or a DM's title; `avatars` gives pictures.
    SearchResultDelegate(const Theme *theme, AttachmentCache *avatars, std::function<QString(const Message &)> where,
                         QObject *parent = nullptr);
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const Theme *m_theme;
    AttachmentCache *m_avatars;
    std::function<QString(const Message &)> m_where;
};

class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    SearchPanel(ClientState *state, Connection *connection, const Theme *theme, QWidget *parent = nullptr);

    //! Searches what the user typed, in the open guild, or the open DM, or (Home with no DM
    //! open) everywhere. A `from:` or `in:` that names nobody here says so instead.
    void run(const QString &text);
    SearchModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    //! What the panel's header and middle say ("3 results", "No results", an error).
    QString statusText() const;

signals:
    void closeRequested();
    //! A result was clicked: show it in its channel.
    void messageChosen(kith::Id guildId, kith::Id channelId, kith::Id messageId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void syncStatus();
    void showProblem(const QString &text);

    ClientState *m_state;
    SearchModel *m_model;
    QLabel *m_count;
    QLabel *m_middle;
    QListView *m_list;
    QToolButton *m_close;
    QString m_problem; //!< a filter that named nobody: shown instead of results
};

} // namespace kith::app
