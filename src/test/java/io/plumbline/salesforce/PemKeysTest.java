package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.errors.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
    private static final String CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    @Test
    void read_keyAfterTheCertificateInOneFile_isTheKey() throws IOException {
        Path key = KeyFixtures.pkcs8(KeyFixtures.APP, dir.resolve("app.key"));
        Path both = Files.writeString(dir.resolve("both.pem"), CERTIFICATE + Files.readString(key));

        assertThat(PemKeys.readRsaPrivateKey(both)).isEqualTo(KeyFixtures.APP.getPrivate());
    }

    @Test
    void read_fileStartingWithAByteOrderMark_isRead() throws IOException {
        Path key = KeyFixtures.pkcs1(KeyFixtures.APP, dir.resolve("app.key"));
        byte[] text = Files.readAllBytes(key);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        assertThat(PemKeys.readRsaPrivateKey(Files.write(dir.resolve("bom.key"), withBom)))
                .isEqualTo(KeyFixtures.APP.getPrivate());
    }

    @Test
    void read_olderOpensslEncryptedKey_saysItIsEncrypted() throws IOException {
        Path key = Files.writeString(
                dir.resolve("enc.key"),
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,0123456789ABCDEF\n\n"
                        + "MIIB\n-----END RSA PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> PemKeys.readRsaPrivateKey(key))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("it is encrypted (with a passphrase, in the older OpenSSL form)");
    }

    @Test
    void read_certificateOnly_saysWhatItHolds() throws IOException {
        Path cert = Files.writeString(dir.resolve("app.crt"), CERTIFICATE);

        assertThatThrownBy(() -> PemKeys.readRsaPrivateKey(cert))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("cannot be used: it holds a CERTIFICATE, but no private key");
    }
}
