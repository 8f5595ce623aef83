package io.plumbline.salesforce;

import io.plumbline.salesforce.emulator.SalesforceEmulator;

/**
 * A small org for tests: five accounts (three customers, one prospect, one partner) with two domain
 * fields, and contacts related to several accounts, including a consultant on a personal domain.
 */
final class StandardOrg {
    static final String ACME = id(1);
    static final String GLOBEX = id(2);
    static final String INITECH = id(3);
    static final String UMBRELLA = id(4);
    static final String HOOLI = id(5);

    private StandardOrg() {}

    static String id(int n) {
        return String.format("001EMU%09dAAA", n);
    }

    static SalesforceEmulator seed(SalesforceEmulator sf) {
        sf.data()
                .add(
                        "Account",
                        "Id",
                        ACME,
                        "Name",
                        "Acme",
                        "Type",
                        "Customer",
                        "Domain__c",
                        "acme.com",
                        "Secondary_Domain__c",
                        "acme.io",
                        "Website",
                        "https://www.acme.com",
                        "Zendesk__Zendesk_Organization_Id__c",
                        "360001")
                .add(
                        "Account",
                        "Id",
                        GLOBEX,
                        "Name",
                        "Globex",
                        "Type",
                        "Customer",
                        "Domain__c",
                        "globex.com; globex.net")
                .add("Account", "Id", INITECH, "Name", "Initech", "Type", "Prospect", "Domain__c", "initech.com")
                .add(
                        "Account",
                        "Id",
                        UMBRELLA,
                        "Name",
                        "Umbrella",
                        "Type",
                        "Customer",
                        "Website",
                        "umbrella.example",
                        "ParentId",
                        ACME)
                .add(
                        "Account",
                        "Id",
                        HOOLI,
                        "Name",
                        "Hooli, \"the\" Company",
                        "Type",
                        "Partner",
                        "Domain__c",
                        "hooli.xyz");
        contact(sf, "003EMU000000001AAA", "wile.e@gmail.com", ACME);
        contact(sf, "003EMU000000002AAA", "pat@globex.com", GLOBEX);
        contact(sf, "003EMU000000003AAA", "Consultant@Independent.dev", ACME);
        contact(sf, "003EMU000000004AAA", "x@initech.com", INITECH);
        contact(sf, "003EMU000000005AAA", null, GLOBEX);
        relation(sf, "003EMU000000003AAA", GLOBEX, false, true);
        relation(sf, "003EMU000000003AAA", UMBRELLA, false, false);
        return sf;
    }

    private static void contact(SalesforceEmulator sf, String id, String email, String account) {
        sf.data().add("Contact", "Id", id, "LastName", "Doe", "Email", email, "AccountId", account);
        relation(sf, id, account, true, true);
    }

    private static void relation(
            SalesforceEmulator sf, String contact, String account, boolean direct, boolean active) {
        sf.data()
                .add(
                        "AccountContactRelation",
                        "Id",
                        "07kEMU" + contact.substring(6, 15) + account.substring(12, 15),
                        "AccountId",
                        account,
                        "ContactId",
                        contact,
                        "IsDirect",
                        Boolean.toString(direct),
                        "IsActive",
                        Boolean.toString(active));
    }
}
