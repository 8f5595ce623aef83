package io.plumbline.salesforce;

import io.plumbline.errors.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an unencrypted RSA private key from a PEM file, in PKCS#8 ({@code BEGIN PRIVATE KEY}) or
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) form. Errors name the file and what to do, never its content.
 */
final class PemKeys {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** DER of AlgorithmIdentifier {rsaEncryption, NULL}. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PemKeys() {}

    static PrivateKey readRsaPrivateKey(Path file) {
        String text;
        try {
            // a PEM file is ASCII; read byte for byte, so a byte order mark or a stray byte around the blocks
            // does not hide them
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException("salesforce.jwt.key_file: cannot read " + file + " ("
                    + e.getClass().getSimpleName()
                    + "); point it at the PEM private key of the connected app's certificate");
        }
        // the key may come after the certificate in one file: the first private key block is the one
        Matcher m = BLOCK.matcher(text);
        List<String> found = new ArrayList<>();
        boolean key = false;
        while (!key && m.find()) {
            key = m.group(1).endsWith("PRIVATE KEY");
            if (!key) {
                found.add(m.group(1));
            }
        }
        if (!key) {
            throw bad(
                    file,
                    found.isEmpty()
                            ? "it holds no PEM private key block"
                            : "it holds a " + String.join(" and a ", found) + ", but no private key");
        }
        String body = m.group(2);
        if (body.contains("Proc-Type:") && body.contains("ENCRYPTED")) {
            throw bad(
                    file,
                    "it is encrypted (with a passphrase, in the older OpenSSL form); write an unencrypted copy with"
                            + " `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem` and keep it private");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw bad(file, "its base64 content is damaged");
        }
        return switch (m.group(1)) {
            case "PRIVATE KEY" -> rsa(file, der);
            case "RSA PRIVATE KEY" -> rsa(file, pkcs1ToPkcs8(der));
            case "ENCRYPTED PRIVATE KEY" ->
                throw bad(
                        file,
                        "it is encrypted; write an unencrypted copy with"
                                + " `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem` and keep it private");
            default -> throw bad(file, "it holds a " + m.group(1) + ", not an RSA private key");
        };
    }

    private static PrivateKey rsa(Path file, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw bad(file, "it is not a readable RSA private key");
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static ConfigException bad(Path file, String why) {
        return new ConfigException("salesforce.jwt.key_file: " + file + " cannot be used: " + why);
    }
}
