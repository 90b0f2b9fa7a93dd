package dev.buildkitbot.knowledge.embed;

import dev.buildkitbot.knowledge.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Vectors by {@link TextKey}, in one binary file: the model id, a hash of the inputs they were
 * computed from (so a build can tell they are current), then key + floats per text.
 */
public record VectorFile(String modelId, String inputsHash, int dimension, Map<String, float[]> vectors) {
    private static final String MAGIC = "BKVEC1";

    public VectorFile {
        vectors = Map.copyOf(vectors);
    }

    public static VectorFile empty() {
        return new VectorFile(EmbedderHandle.NONE, "", 0, Map.of());
    }

    public float[] get(String key) {
        return vectors.get(key);
    }

    public static VectorFile read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a vector file");
        }
        String model = in.readUTF();
        String inputs = in.readUTF();
        int dimension = in.readInt();
        int count = in.readInt();
        Map<String, float[]> vectors = new HashMap<>(count * 2);
        byte[] key = new byte[16];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < count; i++) {
            in.readFully(key);
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = in.readFloat();
            }
            vectors.put(hex.formatHex(key), v);
        }
        return new VectorFile(model, inputs, dimension, vectors);
    }

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeUTF(MAGIC);
            out.writeUTF(modelId);
            out.writeUTF(inputsHash);
            out.writeInt(dimension);
            out.writeInt(vectors.size());
            HexFormat hex = HexFormat.of();
            for (var e : new java.util.TreeMap<>(vectors).entrySet()) {
                out.write(hex.parseHex(e.getKey()));
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
            out.flush();
        });
    }
}
