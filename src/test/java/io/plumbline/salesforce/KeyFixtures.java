package io.plumbline.salesforce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;

/**
 * RSA key pairs for the JWT tests, written as PEM files the way openssl writes them. 1024-bit keys
 * keep the tests fast (2048-bit generation takes seconds); the signing code does not depend on size.
 */
final class KeyFixtures {
    static final KeyPair APP = generate();
    static final KeyPair OTHER = generate();

    private KeyFixtures() {}

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code BEGIN PRIVATE KEY} (PKCS#8). */
    static Path pkcs8(KeyPair pair, Path file) throws IOException {
        return pem(file, "PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** Writes {@code BEGIN RSA PRIVATE KEY} (PKCS#1): the OCTET STRING inside the PKCS#8 structure. */
    static Path pkcs1(KeyPair pair, Path file) throws IOException {
        byte[] der = pair.getPrivate().getEncoded();
        int at = headerLength(der, 0); // into the outer SEQUENCE
        at += headerLength(der, at) + contentLength(der, at); // skip INTEGER version
        at += headerLength(der, at) + contentLength(der, at); // skip AlgorithmIdentifier
        int start = at + headerLength(der, at);
        return pem(file, "RSA PRIVATE KEY", Arrays.copyOfRange(der, start, start + contentLength(der, at)));
    }

    private static int headerLength(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static int contentLength(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            n = (n << 8) | (der[at + 2 + i] & 0xff);
        }
        return n;
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }
}
