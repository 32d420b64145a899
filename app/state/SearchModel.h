#pragma once
//! One host's message.search results, newest first, as the search panel lists them: the next
//! page (`before` the last id) is asked for when the list is scrolled to its end.

#include "shared/ErrorCode.h"
#include "shared/Types.h"

#include <QAbstractListModel>

namespace kith::app {

class Connection;

//! What the user typed, split: the words and the `from:`, `in:` and `has:` filters, still as
//! names (the panel resolves them against the members and channels it knows).
struct SearchText {
    QString words;   //!< everything that is not a filter, quotes kept
    QString from;    //!< a username or display name, without the "from:"
    QString in;      //!< a channel name, without "in:" and "#"
    QString has;     //!< attachment, image or link (as typed)

    bool isBlank() const { return words.trimmed().isEmpty() && from.isEmpty() && in.isEmpty() && has.isEmpty(); }
    static SearchText parse(const QString &text);
};

//! A message.search request.
struct SearchQuery {
    QString query;
    Id guildId = 0;
    Id channelId = 0;
    Id authorId = 0;
    QString has;
};

class SearchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        MessageRole = Qt::UserRole + 1, //!< kith::Message
        IdRole,                         //!< quint64
    };
    static constexpr int kPageSize = 25;

    explicit SearchModel(Connection *connection, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    //! Replaces the results with the first page of `query`; a reply to an earlier search that
    //! comes late is dropped.
    void search(const SearchQuery &query);
    void clear();
    const Message &at(int row) const { return m_rows.at(row); }
    //! How many match in all, as the host counts (10000: at least that many); -1 before a reply.
    int total() const { return m_total; }
    bool isLoading() const { return m_loading; }
    //! Why the last request failed; empty message when it did not.
    const Error &error() const { return m_error; }
    bool failed() const { return m_failed; }
    //! The query's words, folded, for highlighting.
    const QStringList &terms() const { return m_terms; }

    //! A word as the host compares it: lower case, accents dropped.
    static QString fold(const QString &word);
    //! The words of a query, folded (quotes dropped).
    static QStringList termsOf(const QString &query);
    //! Where in `content` a word starts with one of `terms`: (start, length) of each whole word.
    static QList<QPair<int, int>> matches(const QString &content, const QStringList &terms);

signals:
    //! The total, the loading flag or the error changed.
    void statusChanged();

private:
    void request(Id before);

    Connection *m_connection;
    SearchQuery m_query;
    QList<Message> m_rows;
    QStringList m_terms;
    int m_total = -1;
    bool m_loading = false;
    bool m_atEnd = true;
    quint64 m_generation = 0;
    Error m_error;
    bool m_failed = false;
};

} // namespace kith::app
