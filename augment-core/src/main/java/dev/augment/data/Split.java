package dev.augment.data;

/** Which part of a data set to read: the training part or the held-out test part. */
public enum Split {
    /** The training part: {@code train-*} IDX files, {@code data_batch_*.bin}, a {@code train/} folder. */
    TRAIN("train"),
    /** The test part: {@code t10k-*} IDX files, {@code test_batch.bin}, a {@code test/} folder. */
    TEST("t10k");

    private final String idxPrefix;

    Split(String idxPrefix) {
        this.idxPrefix = idxPrefix;
    }

    /** @return the prefix of this split's IDX file names, "train" or "t10k" */
    public String idxPrefix() {
        return idxPrefix;
    }

    /** @return the name of this split's sub-folder in an image-folder layout, "train" or "test" */
    public String folderName() {
        return this == TRAIN ? "train" : "test";
    }

    /**
     * @param name a folder name
     * @return whether it names this split's folder in an image-folder layout: {@link #folderName()} or its long form
     *     ({@code training}, {@code testing}, as MNIST-as-PNG and other downloads spell them), in any case; a fresh
     *     user's {@code training/} and {@code testing/} were read as two classes whose folders held no images (5 Dec);
     *     also followed by {@code set}, {@code data} or {@code images} ({@code training_set}, Kaggle's Cat and Dog;
     *     {@code train_images}, {@code TestSet}), which got the circular "give the folder that holds the class
     *     folders" (a fresh user, 6 Dec)
     */
    public boolean isFolderName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.matches(folderName() + "(ing)?([ _-]?(set|data|images|imgs))?");
    }
}
