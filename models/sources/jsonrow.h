#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace StateScope {

// Fast checks of the small JSON documents in database rows (simdjson; QJsonDocument is about
// ten times slower and a load reads millions of rows). One instance per thread.
class JsonRow final
{
public:
    JsonRow();
    ~JsonRow();
    JsonRow(const JsonRow &) = delete;
    JsonRow &operator=(const JsonRow &) = delete;

    // Parses `json`, which must be an object; reads its string member `key` into *value
    // (left empty when the member is absent or null). False with *error on invalid JSON, a
    // non-object document, or a member of another type.
    bool objectStringMember(QByteArrayView json, const char *key, QByteArray *value, QString *error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace StateScope
