#include "jsonrow.h"

#include <simdjson.h>

namespace StateScope {

struct JsonRow::Private
{
    simdjson::dom::parser parser;
};

JsonRow::JsonRow()
    : d(std::make_unique<Private>())
{
}

JsonRow::~JsonRow() = default;

bool JsonRow::objectStringMember(QByteArrayView json, const char *key, QByteArray *value, QString *error)
{
    value->clear();
    simdjson::dom::element doc;
    // A NULL cell comes as a view without data: simdjson would copy from a null pointer.
    const char *bytes = json.data() ? json.data() : "";
    if (const auto e = d->parser.parse(bytes, size_t(json.size())).get(doc); e != simdjson::SUCCESS) {
        *error = QStringLiteral("invalid JSON (%1)").arg(QString::fromLatin1(simdjson::error_message(e)));
        return false;
    }
    simdjson::dom::object object;
    if (doc.get(object) != simdjson::SUCCESS) {
        *error = QStringLiteral("expected a JSON object");
        return false;
    }
    simdjson::dom::element member;
    if (object.at_key(key).get(member) != simdjson::SUCCESS || member.is_null())
        return true;
    std::string_view text;
    if (member.get(text) != simdjson::SUCCESS) {
        *error = QStringLiteral("\"%1\" is not a string").arg(QLatin1String(key));
        return false;
    }
    *value = QByteArray(text.data(), qsizetype(text.size()));
    return true;
}

} // namespace StateScope
