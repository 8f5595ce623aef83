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

/** RSA key pairs for the JWT tests, written as PEM files the way openssl writes them. */
final class KeyFixtures {
    static final KeyPair APP = generate();
    static final KeyPair OTHER = generate();

    private KeyFixtures() {}

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code BEGIN PRIVATE KEY} (PKCS#8). */
    static Path pkcs8(KeyPair pair, Path file) throws IOException {
        return pem(file, "PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** Writes {@code BEGIN RSA PRIVATE KEY} (PKCS#1): the PKCS#8 body without its 26-byte 2048-bit header. */
    static Path pkcs1(KeyPair pair, Path file) throws IOException {
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        return pem(file, "RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }
}
