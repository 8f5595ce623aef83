package io.plumbline.salesforce.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The emulated org's records: Account, Contact and AccountContactRelation with the fields Plumbline
 * reads, values as text (null for null). Field names are case-insensitive as in SOQL; a field can be
 * hidden to emulate field-level security, and AccountContactRelation can be switched off as in an org
 * without "Contacts to Multiple Accounts".
 */
public final class OrgData {
    /** How a field's value is rendered in REST JSON. */
    public enum Type {
        TEXT,
        BOOLEAN,
        NUMBER
    }

    private final TreeMap<String, Map<String, Type>> schema = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<Map<String, String>>> rows = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> hidden = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private boolean relationsEnabled = true;

    OrgData() {
        define(
                "Account",
                "Id Name Type Website ParentId Domain__c Zendesk__Domain_Mapping__c Secondary_Domain__c"
                        + " Domain_Override__c Zendesk__Zendesk_Organization_Id__c");
        define("Contact", "Id LastName Email AccountId");
        define("AccountContactRelation", "Id AccountId ContactId IsDirect:BOOLEAN IsActive:BOOLEAN");
    }

    private void define(String object, String fields) {
        Map<String, Type> types = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String f : fields.split(" ")) {
            String[] parts = f.split(":");
            types.put(parts[0], parts.length > 1 ? Type.valueOf(parts[1]) : Type.TEXT);
        }
        schema.put(object, types);
        rows.put(object, Collections.synchronizedList(new ArrayList<>()));
    }

    /** Adds a record: alternating field names and values ({@code "Id", "001...", "Name", "Acme"}). */
    public synchronized OrgData add(String object, String... fieldsAndValues) {
        Map<String, String> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (!schema.get(object).containsKey(fieldsAndValues[i])) {
                throw new IllegalArgumentException("emulator has no field " + object + "." + fieldsAndValues[i]);
            }
            row.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        rows.get(object).add(row);
        return this;
    }

    /** Gives a field a JSON type other than text (e.g. a Number field). */
    public synchronized OrgData type(String object, String field, Type type) {
        schema.get(object).put(field, type);
        return this;
    }

    /** Hides a field from the signed-in user, as missing field-level security does. */
    public synchronized OrgData hide(String object, String field) {
        hidden.add(object + "." + field);
        return this;
    }

    /** Turns AccountContactRelation off (queries on it answer INVALID_TYPE). */
    public synchronized OrgData withoutContactRelations() {
        relationsEnabled = false;
        return this;
    }

    synchronized boolean hasObject(String object) {
        return schema.containsKey(object) && (relationsEnabled || !object.equalsIgnoreCase("AccountContactRelation"));
    }

    /** The canonical object name. */
    synchronized String objectName(String object) {
        return schema.ceilingKey(object);
    }

    synchronized List<Map<String, String>> rows(String object) {
        return List.copyOf(rows.get(object));
    }

    /** The type of a field path, or null when the user cannot see it. */
    synchronized Type typeOf(String object, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return hidden.contains(object + "." + path)
                    ? null
                    : schema.get(object).get(path);
        }
        String relation = path.substring(0, dot);
        String target = target(object, relation);
        if (target == null || typeOf(object, idField(relation)) == null) {
            return null;
        }
        return typeOf(target, path.substring(dot + 1));
    }

    /** The value of a field path on a row, following one relationship per dot. */
    synchronized String value(String object, Map<String, String> row, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return row.get(path);
        }
        String relation = path.substring(0, dot);
        Map<String, String> parent = related(object, row, relation);
        return parent == null ? null : value(target(object, relation), parent, path.substring(dot + 1));
    }

    /** The row a relationship points at, or null. */
    synchronized Map<String, String> related(String object, Map<String, String> row, String relation) {
        String id = row.get(idField(relation));
        String target = target(object, relation);
        if (id == null || target == null) {
            return null;
        }
        return rows.get(target).stream()
                .filter(r -> id.equals(r.get("Id")))
                .findFirst()
                .orElse(null);
    }

    synchronized String target(String object, String relation) {
        if (relation.equalsIgnoreCase("Parent")) {
            return object;
        }
        return schema.containsKey(relation) && schema.get(object).containsKey(idField(relation))
                ? objectName(relation)
                : null;
    }

    private static String idField(String relation) {
        return relation.toLowerCase(Locale.ROOT).equals("parent") ? "ParentId" : relation + "Id";
    }
}
